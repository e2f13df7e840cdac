package io.shelfstream.simulations.testing;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.EventRef;
import io.shelfstream.simulations.event.SimEvent.Movement;
import io.shelfstream.simulations.event.SimEvent.StockEvent;
import io.shelfstream.simulations.event.SimEvent.StoreUpdate;
import io.shelfstream.simulations.event.StockKey;
import io.shelfstream.simulations.event.StoreField;
import io.shelfstream.simulations.truth.Candidate;
import io.shelfstream.simulations.truth.ChosenCount;
import io.shelfstream.simulations.truth.ExpectedStock;
import io.shelfstream.simulations.truth.ExpectedStore;
import io.shelfstream.simulations.truth.Policies;
import io.shelfstream.simulations.truth.Policy;
import io.shelfstream.simulations.truth.Stamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The golden-record rules computed the slow, obvious way: keep every distinct event, then evaluate
 * each record from scratch. An oracle for the bounded, incremental GroundTruth.
 */
public final class NaiveTruth {

  private final Policies policies;
  private final Map<EventRef, SimEvent> distinct = new LinkedHashMap<>();

  public NaiveTruth(Policies policies) {
    this.policies = policies;
  }

  public void accept(SimEvent event) {
    distinct.putIfAbsent(event.ref(), event);
  }

  public Map<StockKey, ExpectedStock> inventory() {
    Map<StockKey, List<StockEvent>> byKey = new TreeMap<>();
    distinct.values().stream()
        .filter(StockEvent.class::isInstance)
        .map(StockEvent.class::cast)
        .forEach(e -> byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
    Map<StockKey, ExpectedStock> records = new TreeMap<>();
    byKey.forEach(
        (key, events) -> {
          List<Count> counts =
              events.stream().filter(Count.class::isInstance).map(Count.class::cast).toList();
          Count baseline = choose(policies.inventoryOnHand(), counts, Stamp::of);
          long onHand = baseline == null ? 0 : baseline.onHand();
          long applied = 0;
          Stamp last = null;
          for (StockEvent event : events) {
            if (event instanceof Movement m
                && (baseline == null
                    || m.occurredAt().toInstant().isAfter(baseline.occurredAt().toInstant()))) {
              onHand += m.delta();
              applied++;
              Stamp stamp = Stamp.of(m);
              last = last == null || order().compare(stamp, last) > 0 ? stamp : last;
            }
          }
          ChosenCount count =
              baseline == null ? null : new ChosenCount(Stamp.of(baseline), baseline.onHand());
          records.put(key, new ExpectedStock(key, onHand, count, applied, last));
        });
    return records;
  }

  public Map<String, ExpectedStore> stores() {
    Map<String, ExpectedStore> records = new TreeMap<>();
    Map<String, List<StoreUpdate>> byStore = new TreeMap<>();
    distinct.values().stream()
        .filter(StoreUpdate.class::isInstance)
        .map(StoreUpdate.class::cast)
        .forEach(u -> byStore.computeIfAbsent(u.storeId(), k -> new ArrayList<>()).add(u));
    byStore.forEach(
        (storeId, updates) -> {
          Map<StoreField, Candidate<String>> fields = new EnumMap<>(StoreField.class);
          for (StoreField field : StoreField.values()) {
            List<Candidate<String>> values =
                updates.stream()
                    .filter(u -> u.fields().containsKey(field))
                    .map(u -> new Candidate<>(u.fields().get(field), Stamp.of(u)))
                    .toList();
            Candidate<String> chosen = choose(policies.storeField(field), values, Candidate::stamp);
            if (chosen != null) {
              fields.put(field, chosen);
            }
          }
          records.put(storeId, new ExpectedStore(storeId, fields));
        });
    return records;
  }

  private <T> T choose(Policy policy, List<T> values, Function<T, Stamp> stampOf) {
    Comparator<T> byOrder = (a, b) -> order().compare(stampOf.apply(a), stampOf.apply(b));
    if (values.isEmpty()) {
      return null;
    }
    if (policy instanceof Policy.SourcePriority priority) {
      Map<String, T> latest = new LinkedHashMap<>();
      values.forEach(
          v ->
              latest.merge(
                  stampOf.apply(v).source(), v, (a, b) -> byOrder.compare(a, b) >= 0 ? a : b));
      List<String> walk = new ArrayList<>();
      priority.sources().ranked().stream().filter(latest::containsKey).forEach(walk::add);
      new TreeSet<>(latest.keySet())
          .stream().filter(s -> !priority.sources().ranked().contains(s)).forEach(walk::add);
      T chosen = null;
      for (String source : walk) {
        T candidate = latest.get(source);
        if (chosen == null
            || stampOf
                .apply(candidate)
                .occurredAt()
                .toInstant()
                .isAfter(
                    stampOf.apply(chosen).occurredAt().toInstant().plus(priority.staleness()))) {
          chosen = candidate;
        }
      }
      return chosen;
    }
    return values.stream().max(byOrder).orElseThrow();
  }

  /** Written again from the document rather than reusing SourceRanking, to be a real oracle. */
  private Comparator<Stamp> order() {
    List<String> ranked = policies.sourceRanking().ranked();
    Function<String, Integer> rank = s -> ranked.contains(s) ? ranked.indexOf(s) : ranked.size();
    return Comparator.<Stamp, java.time.Instant>comparing(s -> s.occurredAt().toInstant())
        .thenComparing(s -> -rank.apply(s.source()))
        .thenComparing(Stamp::eventId)
        .thenComparing(Stamp::source);
  }
}
