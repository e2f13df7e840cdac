package io.shelfstream.sources.files;

import io.shelfstream.engine.ingest.Outcome;
import io.shelfstream.engine.ledger.FileEntry;
import io.shelfstream.engine.ledger.FileLedger;
import io.shelfstream.engine.ledger.FileState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Reads one file version to its end, exactly once in effect: each batch of records, once durable,
 * moves the file's ledger entry to its last line (so that a restart resumes after it); the file is
 * recorded as done, with its SHA-256, only once all its records are durable, and then moved to the
 * processed directory, or to the errors directory beside its report.
 */
final class FileJob {
  private final FileWork work;
  private final FileSettings settings;
  private final FileLedger ledger;
  private final FileStatus status;

  FileJob(FileWork work) {
    this.work = work;
    this.settings = work.settings();
    this.ledger = work.ledger();
    this.status = work.status();
  }

  /** Reads {@code file} by {@code feed}, skips it as read already, or resumes it. */
  CompletionStage<Done> run(StoredFile file, FileFeed feed) {
    return ledger
        .find(settings.integrationId(), file.name())
        .thenCompose(entry -> decide(file, feed, entry.orElse(null)));
  }

  private CompletionStage<Done> decide(StoredFile file, FileFeed feed, FileEntry entry) {
    if (entry != null && entry.state() == FileState.DONE) {
      if (entry.sameVersion(file.size(), file.modified())) {
        return settings.processedDir() == null
            ? FileWork.done()
            : work.blocking(() -> work.moveAway(file, settings.processedDir()));
      }
      if (entry.size() == file.size()) {
        return work.blocking(() -> FileBytes.sha256(work.store(), file.name()))
            .thenCompose(
                sha ->
                    sha.equals(entry.sha256())
                        ? skipIdentical(file, entry)
                        : read(file, feed, null));
      }
    }
    boolean resumable =
        entry != null
            && entry.state() == FileState.READING
            && entry.sameVersion(file.size(), file.modified())
            && entry.line() > 0;
    return read(file, feed, resumable ? entry : null);
  }

  private CompletionStage<Done> skipIdentical(StoredFile file, FileEntry entry) {
    status.skipped(file.name(), "identical to the file of that name read on " + entry.updatedAt());
    FileEntry seen =
        new FileEntry(
            entry.integrationId(),
            entry.fileName(),
            file.size(),
            file.modified(),
            FileState.DONE,
            entry.sha256(),
            entry.line(),
            entry.offset(),
            entry.counts(),
            work.clock().instant());
    return ledger
        .record(seen)
        .thenCompose(
            recorded ->
                settings.processedDir() == null
                    ? FileWork.done()
                    : work.blocking(() -> work.moveAway(file, settings.processedDir())));
  }

  private CompletionStage<Done> read(StoredFile file, FileFeed feed, FileEntry resume) {
    FileRead read = new FileRead(work, file, feed, resume);
    return read.start()
        .handle(
            (finished, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(finished);
              }
              Throwable cause =
                  error instanceof java.util.concurrent.CompletionException
                          && error.getCause() != null
                      ? error.getCause()
                      : error;
              if (cause instanceof NotDurableException) {
                return CompletableFuture.<Boolean>failedFuture(cause);
              }
              // the file went away or could not be read: its durable lines stay recorded
              status.error(
                  file.name() + ": reading stopped at line " + read.lastLine() + ": " + cause);
              return CompletableFuture.completedFuture(false);
            })
        .thenCompose(stage -> stage)
        .thenCompose(reachedEnd -> reachedEnd ? read.finish() : FileWork.done())
        .whenComplete((d, e) -> status.idle());
  }

  /** A record the pipeline could not make durable: the run fails, and resumes after a restart. */
  static final class NotDurableException extends RuntimeException {
    NotDurableException(String file, Outcome<RowPosition> outcome) {
      super(
          "file "
              + file
              + " line "
              + outcome.position().line()
              + " is not durable: "
              + outcome.reason());
    }
  }
}
