package io.shelfstream.engine.entity;

import io.shelfstream.engine.dedupe.IdMemory.Recall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Splits a batch of events for one entity into those to journal and the fates to answer with. An
 * event is a duplicate when its record has seen it, or when it came earlier in the same batch for
 * the same record. An entity may keep several records (a location keeps one per SKU); ids are
 * unique per record, so the same id on two records is two events.
 *
 * <p>First the entity's memory says what it can ({@link #recall}); an event it may have forgotten
 * is then looked up in the dedupe index, and {@link Recalled#decide} gives the answer.
 */
public final class BatchDedupe {
  private BatchDedupe() {}

  /**
   * What the entity's memory says of each event; {@code identity} tells the events of one record
   * apart (its record, source and id).
   */
  public static <E> Recalled<E> recall(
      List<E> events, Function<E, Object> identity, Function<E, Recall> memory) {
    List<Recall> recalls = new ArrayList<>(events.size());
    Set<Object> inBatch = new HashSet<>();
    for (E event : events) {
      // a repeat within the batch is a duplicate of its first, whatever memory says
      recalls.add(inBatch.add(identity.apply(event)) ? memory.apply(event) : Recall.SEEN);
    }
    return new Recalled<>(List.copyOf(events), List.copyOf(recalls));
  }

  /** A batch as the entity's memory recalls it. */
  public record Recalled<E>(List<E> events, List<Recall> recalls) {

    /** This batch with no event taken for new on memory's word: every one not seen is uncertain. */
    public Recalled<E> doubtingNew() {
      return new Recalled<>(
          events,
          recalls.stream()
              .map(recall -> recall == Recall.NEW ? Recall.FORGOTTEN_OR_NEW : recall)
              .toList());
    }

    /** The events memory cannot decide: to look up in the dedupe index. */
    public List<E> uncertain() {
      List<E> uncertain = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        if (recalls.get(i) == Recall.FORGOTTEN_OR_NEW) {
          uncertain.add(events.get(i));
        }
      }
      return uncertain;
    }

    /** The answer, {@code journaled} telling of each uncertain event whether the index has it. */
    public Decided<E> decide(Predicate<E> journaled) {
      List<E> fresh = new ArrayList<>(events.size());
      List<Fate> fates = new ArrayList<>(events.size());
      for (int i = 0; i < events.size(); i++) {
        E event = events.get(i);
        boolean duplicate =
            switch (recalls.get(i)) {
              case SEEN -> true;
              case NEW -> false;
              case FORGOTTEN_OR_NEW -> journaled.test(event);
            };
        fates.add(duplicate ? Fate.DUPLICATE : Fate.ACCEPTED);
        if (!duplicate) {
          fresh.add(event);
        }
      }
      return new Decided<>(fresh, fates);
    }
  }

  /** The events to journal, and one fate per event of the batch. */
  public record Decided<E>(List<E> fresh, List<Fate> fates) {
    public IngestReply reply() {
      return new IngestReply(fates);
    }
  }
}
