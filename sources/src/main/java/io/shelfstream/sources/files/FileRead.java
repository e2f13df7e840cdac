package io.shelfstream.sources.files;

import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.Outcome;
import io.shelfstream.engine.integration.SourceContext;
import io.shelfstream.engine.ledger.FileCounts;
import io.shelfstream.engine.ledger.FileEntry;
import io.shelfstream.engine.ledger.FileLedger;
import io.shelfstream.engine.ledger.FileState;
import io.shelfstream.sources.files.csv.CsvFields;
import io.shelfstream.sources.files.csv.RawRecord;
import io.shelfstream.sources.files.csv.RecordFramer;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * One read of one file version, from its start or from where its ledger entry says its records
 * stopped being durable: its stream's state, touched by one stage at a time.
 */
final class FileRead {
  private static final RawRecord END =
      new RawRecord(-1, 0, -1, ByteString.emptyByteString(), 0, null);

  private final FileWork work;
  private final FileSettings settings;
  private final FileStore store;
  private final SourceContext context;
  private final FileLedger ledger;
  private final FileStatus status;
  private final AtomicBoolean stopping;
  private final Clock clock;
  private final StoredFile file;
  private final FileFeed feed;
  private final FileEntry resume;
  private final MessageDigest digest = FileBytes.sha256();
  private final AtomicBoolean reachedEnd = new AtomicBoolean();
  private final AtomicReference<String> refusal = new AtomicReference<>();
  private final RowDecoder decoder;
  private final RowDecoding decoding;
  private final FileReport report;
  private volatile FileCounts counts;
  private volatile long lastLine;
  private volatile long lastOffset;

  FileRead(FileWork work, StoredFile file, FileFeed feed, FileEntry resume) {
    this.work = work;
    this.settings = work.settings();
    this.store = work.store();
    this.context = work.context();
    this.ledger = work.ledger();
    this.status = work.status();
    this.stopping = work.stopping();
    this.clock = work.clock();
    this.decoding = work.decoding();
    this.file = file;
    this.feed = feed;
    this.resume = resume;
    this.decoder =
        new RowDecoder(
            file.name(),
            version(),
            feed,
            new CsvFields(settings.delimiter().value(), settings.quote()),
            settings.defaultSource());
    this.counts = resume == null ? FileCounts.NONE : resume.counts();
    this.lastLine = resume == null ? 0 : resume.line();
    this.lastOffset = resume == null ? 0 : resume.offset();
    this.report = new FileReport(lastLine + 1);
  }

  /** The last line whose records are all durable. */
  long lastLine() {
    return lastLine;
  }

  private String version() {
    return file.size() + "@" + file.modified();
  }

  /** Completes with whether the file is over: read whole, or refused (not stopped half way). */
  CompletionStage<Boolean> start() {
    CompletionStage<Done> prepared =
        resume == null ? FileWork.done() : work.blocking(this::prepareResume);
    return prepared
        .thenCompose(ready -> stream())
        .thenApply(ended -> reachedEnd.get() || refusal.get() != null);
  }

  /** Reads the header again, and digests the bytes before the resume point. */
  private Done prepareResume() throws java.io.IOException {
    if (!FileBytes.compressed(file.name())) {
      FileBytes.digestPrefix(store, file.name(), resume.offset(), digest);
    }
    return Done.getInstance();
  }

  private CompletionStage<Done> stream() {
    RecordFramer framer =
        new RecordFramer(settings.quote(), settings.maxRecordBytes(), lastOffset, lastLine + 1);
    Source<RawRecord, ?> records =
        FileBytes.from(store, file.name(), file.size(), lastOffset, digest)
            .mapConcat(framer::offer)
            .concatLazy(Source.lazySource(() -> Source.from(framer.finish())))
            .concat(Source.single(END));
    Source<RawRecord, ?> withHeader = resume == null ? records : header().concatLazy(records);
    return withHeader
        .takeWhile(record -> !stopping.get() && refusal.get() == null)
        .grouped(decoding.rowsPerGroup())
        .mapAsync(decoding.groupsInFlight(), this::decode)
        .mapConcat(this::decoded)
        .via(context.pipeline().<RowPosition>batchFlow(context.channel()))
        .map(this::durable)
        .mapAsync(
            1,
            progress ->
                progress.isPresent()
                    ? ledger.record(progress.get())
                    : CompletableFuture.completedFuture(null))
        .runWith(Sink.ignore(), context.system());
  }

  /** The header record of a file read again from its middle: its first record. */
  private Source<RawRecord, ?> header() {
    RecordFramer framer = new RecordFramer(settings.quote(), settings.maxRecordBytes(), 0, 1);
    return FileBytes.from(store, file.name(), file.size(), 0, null)
        .mapConcat(framer::offer)
        .concatLazy(Source.lazySource(() -> Source.from(framer.finish())))
        .take(1);
  }

  /** A group of records decoded, in order; {@code lastLine}: of its last row, 0 if it has none. */
  private record DecodedGroup(List<Decoded<RowPosition>> decoded, long lastLine) {
    static final DecodedGroup NONE = new DecodedGroup(List.of(), 0);
  }

  /**
   * On the stream's thread, one group after another: the group holding the header is decoded here,
   * so that the header is read (or the file refused) before any later group starts decoding on the
   * decode dispatcher; nothing is decoded after a refusal.
   */
  private CompletionStage<DecodedGroup> decode(List<RawRecord> group) {
    if (refusal.get() != null) {
      return CompletableFuture.completedFuture(DecodedGroup.NONE);
    }
    List<RawRecord> records = group;
    if (records.get(records.size() - 1) == END) {
      reachedEnd.set(true);
      records = records.subList(0, records.size() - 1);
    }
    if (records.isEmpty()) {
      return CompletableFuture.completedFuture(DecodedGroup.NONE);
    }
    if (!decoder.hasHeader()) {
      return CompletableFuture.completedFuture(withHeader(records));
    }
    List<RawRecord> rows = records;
    return CompletableFuture.supplyAsync(() -> rows(rows), decoding.executor());
  }

  private DecodedGroup withHeader(List<RawRecord> records) {
    Optional<String> problem = decoder.header(records.get(0));
    if (problem.isPresent()) {
      refusal.set(problem.get());
      return new DecodedGroup(List.of(decoder.refusedHeader(records.get(0), problem.get())), 0);
    }
    return records.size() == 1 ? DecodedGroup.NONE : rows(records.subList(1, records.size()));
  }

  /** Any thread: the decoder only reads its header once it is set. */
  private DecodedGroup rows(List<RawRecord> rows) {
    List<Decoded<RowPosition>> decoded = new ArrayList<>(rows.size() + rows.size() / 4);
    for (RawRecord row : rows) {
      decoded.addAll(decoder.decode(row));
    }
    return new DecodedGroup(decoded, rows.get(rows.size() - 1).line());
  }

  /** On the stream's thread again, in the file's order. */
  private List<Decoded<RowPosition>> decoded(DecodedGroup group) {
    if (group.lastLine() > 0) {
      status.reading(file.name(), group.lastLine());
    }
    return group.decoded();
  }

  /** Counts a durable batch; the ledger entry it moves the file to, if it ends a record. */
  private Optional<FileEntry> durable(List<Outcome<RowPosition>> outcomes) {
    context.counters().countAll(outcomes);
    RowPosition last = null;
    FileCounts now = counts;
    for (Outcome<RowPosition> outcome : outcomes) {
      if (!outcome.isDurable()) {
        throw new FileJob.NotDurableException(file.name(), outcome);
      }
      now = now.plus(outcome.fate());
      if (outcome.fate() == Fate.REJECTED) {
        report.failed(outcome.position());
      }
      if (outcome.position().lastOfRecord()) {
        last = outcome.position();
      }
    }
    counts = now;
    if (last == null) {
      return Optional.empty();
    }
    lastLine = last.lastLine();
    lastOffset = last.endOffset();
    return Optional.of(entry(FileState.READING, null));
  }

  private FileEntry entry(FileState state, String sha256) {
    return new FileEntry(
        settings.integrationId(),
        file.name(),
        file.size(),
        file.modified(),
        state,
        sha256,
        lastLine,
        lastOffset,
        counts,
        clock.instant());
  }

  /** After the last record: refuses the file, or records it as done, then moves it away. */
  CompletionStage<Done> finish() {
    String refused = refusal.get();
    if (refused == null && !decoder.hasHeader()) {
      String empty = "the file is empty (" + file.size() + " bytes): it has no header line";
      return context
          .pipeline()
          .ingest(context.channel(), List.of(emptyFileLetter(empty)))
          .thenCompose(
              letters -> {
                durable(letters);
                return close(FileState.REFUSED, empty);
              });
    }
    if (refused != null) {
      return close(FileState.REFUSED, refused);
    }
    return close(FileState.DONE, null);
  }

  private Decoded<RowPosition> emptyFileLetter(String reason) {
    return new Decoded.Invalid<>(
        new RowPosition(1, 1, 0, true, "", List.of(reason)),
        "file " + file.name() + " line 1",
        null,
        settings.defaultSource(),
        reason,
        "",
        RowDecoder.keyPrefix(file.name(), version()) + "empty");
  }

  private CompletionStage<Done> close(FileState state, String refused) {
    String sha = FileBytes.hex(digest);
    boolean withErrors = refused != null || counts.rejected() > 0;
    return ledger
        .record(entry(state, sha))
        .thenCompose(
            recorded ->
                work.blocking(
                    () -> {
                      if (withErrors) {
                        store.write(
                            settings.errorsDir(),
                            file.name() + ".report.json",
                            report.render(file.name(), settings.integrationId(), refused, counts));
                        work.moveAway(file, settings.errorsDir());
                      } else if (settings.processedDir() != null) {
                        work.moveAway(file, settings.processedDir());
                      }
                      return Done.getInstance();
                    }))
        .thenApply(
            moved -> {
              if (refused != null) {
                status.refused(file.name(), refused);
              } else {
                status.done(file.name(), counts, withErrors);
              }
              return Done.getInstance();
            });
  }
}
