package io.shelfstream.persistence.journal;

import static io.shelfstream.engine.concurrent.DirectStages.direct;

import io.shelfstream.engine.inventory.LocationInventory;
import io.shelfstream.engine.secrets.Redactable;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.function.Predicate;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Reads the journal back in pages, for engineers replaying it: every entry of a tag in journal
 * order (resumable from an offset), or every entry of one entity. Backed by the read journal of
 * pekko-persistence-jdbc, whatever journal wrote the events. An entry is what an entity journaled
 * at once: an inventory entry holds the events of one command ({@code EventsRecorded}), so a page
 * is bounded by the events it holds, not by its entries.
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
   * One journal entry; {@code offset} is its position in the whole journal, {@code eventType} the
   * entry's type (e.g. EventsRecorded, or MovementRecorded in journals written one event per
   * entry).
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
          // an event journaled before secrets had to be references may hold one: never shown
          envelope.event() instanceof Redactable secrets ? secrets.redacted() : envelope.event());
    }

    /** The events the entry holds: those of an inventory entry, otherwise one. */
    int events() {
      return event instanceof LocationInventory.Journaled entry ? entry.events().size() : 1;
    }
  }

  /**
   * Whole entries while they hold at most {@code maxEvents} events in all; the first always,
   * however many it holds.
   */
  private static Predicate<ReplayedEvent> upTo(int maxEvents) {
    long[] events = {0};
    return entry -> {
      boolean first = events[0] == 0;
      events[0] += entry.events();
      return first || events[0] <= maxEvents;
    };
  }

  /** Entries of {@code tag} after {@code afterOffset}, oldest first, up to {@code limit} events. */
  public CompletionStage<List<ReplayedEvent>> byTag(String tag, long afterOffset, int limit) {
    return direct(
        journal
            .currentEventsByTag(tag, Offset.sequence(afterOffset))
            .map(ReplayedEvent::of)
            .takeWhile(upTo(limit))
            .runWith(Sink.seq(), system));
  }

  /**
   * Entries of one entity from {@code fromSequenceNr}, in sequence order, up to {@code limit}
   * events.
   */
  public CompletionStage<List<ReplayedEvent>> byPersistenceId(
      String persistenceId, long fromSequenceNr, int limit) {
    return direct(
        journal
            .currentEventsByPersistenceId(persistenceId, fromSequenceNr, Long.MAX_VALUE)
            .map(ReplayedEvent::of)
            .takeWhile(upTo(limit))
            .runWith(Sink.seq(), system));
  }
}
