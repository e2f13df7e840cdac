package io.shelfstream.persistence.journal;

import static io.shelfstream.engine.concurrent.DirectStages.direct;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Reads the journal back in pages, for engineers replaying it: every event of a tag in journal
 * order (resumable from an offset), or every event of one entity. Backed by the read journal of
 * pekko-persistence-jdbc, whatever journal wrote the events.
 */
public final class JournalReplay {
  private final ActorSystem<?> system;
  private final JdbcReadJournal journal;

  public JournalReplay(ActorSystem<?> system) {
    this.system = system;
    this.journal =
        PersistenceQuery.get(system)
            .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
  }

  /**
   * One journaled event; {@code offset} is its position in the whole journal, {@code eventType} the
   * journal event's type (e.g. MovementRecorded).
   */
  public record ReplayedEvent(
      long offset,
      String persistenceId,
      long sequenceNr,
      long timestamp,
      String eventType,
      Object event) {
    static ReplayedEvent of(EventEnvelope envelope) {
      long offset = envelope.offset() instanceof Sequence sequence ? sequence.value() : 0;
      return new ReplayedEvent(
          offset,
          envelope.persistenceId(),
          envelope.sequenceNr(),
          envelope.timestamp(),
          envelope.event().getClass().getSimpleName(),
          envelope.event());
    }
  }

  /** Events of {@code tag} after {@code afterOffset}, oldest first. */
  public CompletionStage<List<ReplayedEvent>> byTag(String tag, long afterOffset, int limit) {
    return direct(
        journal
            .currentEventsByTag(tag, Offset.sequence(afterOffset))
            .take(limit)
            .map(ReplayedEvent::of)
            .runWith(Sink.seq(), system));
  }

  /** Events of one entity from {@code fromSequenceNr}, in sequence order. */
  public CompletionStage<List<ReplayedEvent>> byPersistenceId(
      String persistenceId, long fromSequenceNr, int limit) {
    return direct(
        journal
            .currentEventsByPersistenceId(persistenceId, fromSequenceNr, Long.MAX_VALUE)
            .take(limit)
            .map(ReplayedEvent::of)
            .runWith(Sink.seq(), system));
  }
}
