package io.shelfstream.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.dedupe.DedupeSettings;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.inventory.InventoryState;
import io.shelfstream.engine.inventory.InventoryView;
import io.shelfstream.engine.inventory.LocationInventory;
import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.policy.ConflictPolicy;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.policy.Versioned;
import io.shelfstream.engine.store.Store.StoreUpdated;
import io.shelfstream.engine.store.StoreState;
import io.shelfstream.engine.store.StoreView;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.StoreField;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The same set of events, in any order and with any duplicates, gives the same golden record, and
 * that record is the one docs/golden-record.md defines over the whole set (computed here naively,
 * without the engine's pruning and dedupe memory).
 */
class ConvergenceProperties {
  private static final InventoryKey KEY = new InventoryKey("S001", "SKU-1");
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T00:00:00Z");
  private static final List<String> SOURCES = List.of("erp", "wms", "pos", "ecom");
  private static final List<ZoneOffset> OFFSETS =
      List.of(ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(-5));

  @Property(tries = 400)
  void inventoryConvergesWhateverTheArrivalOrderAndDuplicates(
      @ForAll("settings") GoldenRecordSettings settings,
      @ForAll("inventoryEvents") List<LocationInventory.Event> events,
      @ForAll Random random) {
    List<LocationInventory.Event> distinct = distinct(events, LocationInventory.Event::stamp);
    InventoryView expected = expectedInventory(settings, distinct);

    for (int arrival = 0; arrival < 3; arrival++) {
      InventoryState state = new InventoryState();
      for (LocationInventory.Event event : arrivalOf(distinct, random)) {
        if (!state.hasSeen(event.stamp().source(), event.stamp().eventId())) {
          state = state.apply(event, settings);
        }
      }
      assertThat(withoutVersion(state.view(KEY, settings))).isEqualTo(expected);
    }
  }

  @Property(tries = 300)
  void storeConvergesWhateverTheArrivalOrderAndDuplicates(
      @ForAll("settings") GoldenRecordSettings settings,
      @ForAll("storeEvents") List<StoreUpdated> events,
      @ForAll Random random) {
    List<StoreUpdated> distinct = distinct(events, StoreUpdated::stamp);
    StoreView expected = expectedStore(settings, distinct);

    for (int arrival = 0; arrival < 3; arrival++) {
      StoreState state = new StoreState();
      for (StoreUpdated event : arrivalOf(distinct, random)) {
        if (!state.hasSeen(event.stamp().source(), event.stamp().eventId())) {
          state = state.apply(event, settings);
        }
      }
      StoreView actual = state.view("S001", settings);
      assertThat(
              new StoreView(
                  "S001",
                  actual.name(),
                  actual.address(),
                  actual.timezone(),
                  actual.status(),
                  0,
                  actual.provenance()))
          .isEqualTo(expected);
    }
  }

  /** The set in a random order, with some events delivered up to three more times. */
  private static <E> List<E> arrivalOf(List<E> distinct, Random random) {
    List<E> arrival = new ArrayList<>(distinct);
    for (E event : distinct) {
      int redeliveries = random.nextInt(10) < 3 ? 1 + random.nextInt(3) : 0;
      for (int i = 0; i < redeliveries; i++) {
        arrival.add(event);
      }
    }
    Collections.shuffle(arrival, random);
    return arrival;
  }

  private static <E> List<E> distinct(List<E> events, java.util.function.Function<E, Stamp> stamp) {
    Map<List<String>, E> byId = new LinkedHashMap<>();
    events.forEach(
        e -> byId.putIfAbsent(List.of(stamp.apply(e).source(), stamp.apply(e).eventId()), e));
    return new ArrayList<>(byId.values());
  }

  private static InventoryView expectedInventory(
      GoldenRecordSettings settings, List<LocationInventory.Event> events) {
    // the whole count as the value, so that its reservations come with the count chosen
    Map<String, Versioned<CountRecorded>> latest = new HashMap<>();
    for (LocationInventory.Event event : events) {
      if (event instanceof CountRecorded count) {
        latest.merge(
            count.stamp().source(),
            new Versioned<>(count, count.stamp()),
            settings.ranking()::newer);
      }
    }
    var chosen = settings.onHand().choose(latest);
    var baseline = chosen.map(c -> new Versioned<>(c.value().onHand(), c.stamp()));
    Long reserved = chosen.map(c -> c.value().reserved()).orElse(null);
    Long inTransit = chosen.map(c -> c.value().inTransit()).orElse(null);
    long onHand = baseline.map(Versioned::value).orElse(0L);
    int applied = 0;
    Stamp last = null;
    for (LocationInventory.Event event : events) {
      if (event instanceof MovementRecorded move
          && (baseline.isEmpty() || move.stamp().isAfter(baseline.get().stamp().occurredAt()))) {
        onHand += move.delta();
        applied++;
        if (last == null || settings.ranking().lastWriteWins().compare(move.stamp(), last) > 0) {
          last = move.stamp();
        }
      }
    }
    var count =
        baseline
            .map(
                b ->
                    new InventoryView.CountProvenance(
                        b.stamp().source(),
                        b.stamp().eventId(),
                        b.stamp().occurredAt(),
                        b.value(),
                        reserved,
                        inTransit))
            .orElse(null);
    return new InventoryView(
        KEY.locationId(),
        KEY.sku(),
        onHand,
        reserved,
        reserved == null ? null : onHand - reserved,
        inTransit,
        onHand < 0,
        baseline.map(b -> b.stamp().occurredAt()).orElse(null),
        0,
        new InventoryView.Provenance(count, applied, last));
  }

  private static StoreView expectedStore(GoldenRecordSettings settings, List<StoreUpdated> events) {
    Map<StoreField, String> values = new EnumMap<>(StoreField.class);
    Map<String, Stamp> provenance = new HashMap<>();
    for (StoreField field : StoreField.values()) {
      Map<String, Versioned<String>> latest = new HashMap<>();
      for (StoreUpdated event : events) {
        if (event.fields().containsKey(field)) {
          latest.merge(
              event.stamp().source(),
              new Versioned<>(event.fields().get(field), event.stamp()),
              settings.ranking()::newer);
        }
      }
      settings
          .storeFields()
          .get(field)
          .choose(latest)
          .ifPresent(
              chosen -> {
                values.put(field, chosen.value());
                provenance.put(field.wireName(), chosen.stamp());
              });
    }
    return new StoreView(
        "S001",
        values.get(StoreField.NAME),
        values.get(StoreField.ADDRESS),
        values.get(StoreField.TIMEZONE),
        values.get(StoreField.STATUS),
        0,
        provenance);
  }

  private static InventoryView withoutVersion(InventoryView view) {
    return new InventoryView(
        view.locationId(),
        view.sku(),
        view.onHand(),
        view.reserved(),
        view.available(),
        view.inTransit(),
        view.negative(),
        view.lastCountAt(),
        0,
        view.provenance());
  }

  @Provide
  Arbitrary<GoldenRecordSettings> settings() {
    Arbitrary<ConflictPolicy> policy =
        Arbitraries.of(
            new ConflictPolicy.LastWriteWins(TestSettings.RANKING),
            new ConflictPolicy.SourcePriority(TestSettings.RANKING, Duration.ZERO),
            new ConflictPolicy.SourcePriority(TestSettings.RANKING, Duration.ofMinutes(30)),
            new ConflictPolicy.SourcePriority(TestSettings.RANKING, Duration.ofHours(3)));
    Arbitrary<DedupeSettings> dedupe =
        Arbitraries.of(
            new DedupeSettings(Duration.ofDays(7), 1000),
            new DedupeSettings(Duration.ofMinutes(10), 2),
            new DedupeSettings(Duration.ZERO, 0));
    return Combinators.combine(policy, dedupe).as(TestSettings::with);
  }

  private static Arbitrary<Stamp> stamps() {
    // few ids and minutes, so that the same id shows up from two sources and instants tie
    return Combinators.combine(
            Arbitraries.of(SOURCES),
            Arbitraries.integers().between(0, 15),
            Arbitraries.integers().between(0, 300),
            Arbitraries.of(OFFSETS))
        .as(
            (source, id, minute, offset) ->
                new Stamp(source, "e" + id, T0.plusMinutes(minute).withOffsetSameInstant(offset)));
  }

  @Provide
  Arbitrary<List<LocationInventory.Event>> inventoryEvents() {
    // reservations absent, or either part, so that a chosen count may or may not carry them
    Arbitrary<Long> part = Arbitraries.longs().between(0, 30).injectNull(0.4);
    Arbitrary<LocationInventory.Event> count =
        Combinators.combine(stamps(), Arbitraries.longs().between(0, 100), part, part)
            .as(
                (stamp, onHand, reserved, inTransit) ->
                    new CountRecorded("SKU-1", stamp, onHand, reserved, inTransit));
    Arbitrary<LocationInventory.Event> movement =
        Combinators.combine(
                stamps(),
                Arbitraries.of(MovementKind.class),
                Arbitraries.longs().between(1, 20),
                Arbitraries.of(true, false))
            .as(
                (stamp, kind, qty, negative) ->
                    new MovementRecorded(
                        "SKU-1",
                        stamp,
                        kind,
                        kind == MovementKind.ADJUSTMENT && negative ? -qty : qty,
                        null,
                        null,
                        null));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, count), net.jqwik.api.Tuple.of(7, movement))
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<StoreUpdated>> storeEvents() {
    Arbitrary<Map<StoreField, String>> fields =
        Arbitraries.subsetOf(StoreField.values())
            .filter(set -> !set.isEmpty())
            .flatMap(
                set ->
                    Arbitraries.strings()
                        .alpha()
                        .ofLength(3)
                        .map(
                            value -> {
                              Map<StoreField, String> map = new EnumMap<>(StoreField.class);
                              set.forEach(field -> map.put(field, field.wireName() + "-" + value));
                              return map;
                            }));
    return Combinators.combine(stamps(), fields)
        .as(StoreUpdated::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(25);
  }
}
