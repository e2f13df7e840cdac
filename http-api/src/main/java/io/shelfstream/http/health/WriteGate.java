package io.shelfstream.http.health;

import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.Decoded.Invalid;
import io.shelfstream.engine.ingest.Decoded.Valid;
import io.shelfstream.engine.ingest.Outcome;
import io.shelfstream.persistence.db.DatabaseProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Ingestion's side of readiness: while the journal's database is unreachable, a batch fails at once
 * with the reason, and batches in flight when it goes away fail then, rather than after the ask
 * timeout. An entity whose write fails restarts without answering, so without this every write
 * during an outage waited for the ask timeout (30 s) before the client was told to resend. A batch
 * failed here may still become durable if the database comes back before its entity gives up:
 * resending it is safe, as events are deduplicated.
 */
public final class WriteGate {
  private final DatabaseProbe journalDatabase;
  private final Set<InFlight<?>> inFlight = ConcurrentHashMap.newKeySet();

  public WriteGate(DatabaseProbe journalDatabase) {
    this.journalDatabase = journalDatabase;
    journalDatabase.onChange(
        status -> {
          if (!status.reachable()) {
            String reason = JournalUnreachable.reason(status);
            inFlight.forEach(batch -> batch.fail(reason));
          }
        });
  }

  /** Why writes fail at once now, if they do. */
  public Optional<String> closedBecause() {
    DatabaseProbe.Status status = journalDatabase.status();
    return status.reachable() ? Optional.empty() : Optional.of(JournalUnreachable.reason(status));
  }

  /** {@code ingest}s the batch while the journal's database is reachable. */
  public <P> CompletionStage<List<Outcome<P>>> ingest(
      List<Decoded<P>> batch,
      Function<List<Decoded<P>>, CompletionStage<List<Outcome<P>>>> ingest) {
    Optional<String> closed = closedBecause();
    if (closed.isPresent()) {
      return CompletableFuture.completedFuture(failed(batch, closed.get()));
    }
    var entry = new InFlight<>(batch);
    inFlight.add(entry);
    ingest
        .apply(batch)
        .whenComplete(
            (outcomes, error) -> {
              inFlight.remove(entry);
              if (error == null) {
                entry.result.complete(outcomes);
              } else {
                entry.result.completeExceptionally(error);
              }
            });
    // the database may have gone away between the check and the registration
    closedBecause().ifPresent(entry::fail);
    return entry.result;
  }

  /**
   * One outcome per record, each FAILED with {@code reason}: nothing of the batch is known to be
   * durable, neither its events nor its rejections' dead letters.
   */
  static <P> List<Outcome<P>> failed(List<Decoded<P>> batch, String reason) {
    String notDurable = "not durable: " + reason + "; resend";
    List<Outcome<P>> outcomes = new ArrayList<>(batch.size());
    for (Decoded<P> record : batch) {
      outcomes.add(
          record instanceof Valid<P> valid
              ? new Outcome<>(record.position(), valid.event().eventId(), Fate.FAILED, notDurable)
              : failedRejection((Invalid<P>) record, reason));
    }
    return outcomes;
  }

  private static <P> Outcome<P> failedRejection(Invalid<P> invalid, String reason) {
    return new Outcome<>(
        invalid.position(),
        invalid.eventId(),
        Fate.FAILED,
        invalid.reason() + " (and the dead letter could not be stored: " + reason + "; resend)");
  }

  /** A batch on its way; identity matters, not content (two batches may hold the same lines). */
  private static final class InFlight<P> {
    final List<Decoded<P>> batch;
    final CompletableFuture<List<Outcome<P>>> result = new CompletableFuture<>();

    InFlight(List<Decoded<P>> batch) {
      this.batch = batch;
    }

    /** The entities' answers, if they come later, are dropped. */
    void fail(String reason) {
      result.complete(failed(batch, reason));
    }
  }
}
