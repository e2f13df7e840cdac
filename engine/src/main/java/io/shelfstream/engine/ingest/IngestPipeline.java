package io.shelfstream.engine.ingest;

import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.ingest.Decoded.Invalid;
import io.shelfstream.engine.ingest.Decoded.Valid;
import io.shelfstream.engine.record.EventAck;
import io.shelfstream.engine.record.GoldenRecords;
import io.shelfstream.protocols.event.RetailEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * The one ingestion stage every source goes through: decoded records in, one outcome per record
 * out, in input order, each emitted only once durable (events in the journal, rejections in the
 * dead letters). Backpressured: at most {@code parallelism} batches are in flight, so a source is
 * never read faster than the entities persist.
 */
public final class IngestPipeline {
  private final GoldenRecords records;
  private final DeadLetterStore deadLetters;
  private final IngestSettings settings;
  private final Clock clock;

  public IngestPipeline(
      GoldenRecords records, DeadLetterStore deadLetters, IngestSettings settings, Clock clock) {
    this.records = records;
    this.deadLetters = deadLetters;
    this.settings = settings;
    this.clock = clock;
  }

  public IngestSettings settings() {
    return settings;
  }

  /** {@code channel} names where the records come from in the dead letters (e.g. "http:pos"). */
  public <P> Flow<Decoded<P>, Outcome<P>, NotUsed> flow(String channel) {
    return this.<P>batchFlow(channel).mapConcat(outcomes -> outcomes);
  }

  /**
   * As {@link #flow}, a batch's outcomes together: for a source that acts once per batch (a Kafka
   * partition commits only its last durable offset), which then handles one element per batch
   * rather than one per record downstream.
   */
  public <P> Flow<Decoded<P>, List<Outcome<P>>, NotUsed> batchFlow(String channel) {
    return Flow.<Decoded<P>>create()
        .groupedWithin(settings.batchSize(), settings.batchWindow())
        .mapAsync(settings.parallelism(), batch -> ingest(channel, batch));
  }

  /** One batch: events to their entities and rejections to the dead letters, at the same time. */
  public <P> CompletionStage<List<Outcome<P>>> ingest(String channel, List<Decoded<P>> batch) {
    List<RetailEvent> events = new ArrayList<>(batch.size());
    List<DeadLetter> letters = new ArrayList<>();
    for (Decoded<P> record : batch) {
      if (record instanceof Valid<P> valid) {
        events.add(valid.event());
      } else {
        letters.add(deadLetter(channel, (Invalid<P>) record));
      }
    }
    CompletionStage<List<EventAck>> acks =
        events.isEmpty() ? CompletableFuture.completedFuture(List.of()) : records.ingest(events);
    CompletionStage<Throwable> stored =
        letters.isEmpty()
            ? CompletableFuture.completedFuture(null)
            : deadLetters.store(letters).handle((done, error) -> error);
    return acks.thenCombine(
        stored, (eventAcks, storeError) -> outcomes(batch, eventAcks, storeError));
  }

  private DeadLetter deadLetter(String channel, Invalid<?> invalid) {
    return new DeadLetter(
        clock.instant(),
        channel,
        invalid.where(),
        invalid.source(),
        invalid.eventId(),
        invalid.reason(),
        invalid.raw(),
        invalid.recordKey() == null ? null : channel + "|" + invalid.recordKey());
  }

  private static <P> List<Outcome<P>> outcomes(
      List<Decoded<P>> batch, List<EventAck> eventAcks, Throwable storeError) {
    @SuppressWarnings("unchecked")
    Outcome<P>[] outcomes = new Outcome[batch.size()];
    int nextAck = 0;
    for (int i = 0; i < batch.size(); i++) {
      Decoded<P> record = batch.get(i);
      if (record instanceof Valid<P> valid) {
        EventAck ack = eventAcks.get(nextAck++);
        outcomes[i] =
            new Outcome<>(valid.position(), valid.event().eventId(), ack.fate(), ack.reason());
      } else {
        var invalid = (Invalid<P>) record;
        outcomes[i] =
            storeError == null
                ? new Outcome<>(
                    invalid.position(), invalid.eventId(), Fate.REJECTED, invalid.reason())
                : new Outcome<>(
                    invalid.position(),
                    invalid.eventId(),
                    Fate.FAILED,
                    invalid.reason()
                        + " (and the dead letter could not be stored: "
                        + storeError.getMessage()
                        + "; resend)");
      }
    }
    return Arrays.asList(outcomes);
  }
}
