package io.shelfstream.engine.demand;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.protocols.event.ExternalDemand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The same set of signals, in any order and with redeliveries, gives the same signals by date: per
 * date, the greatest by the last-write-wins order (computed here naively over the whole set).
 */
class DemandStateProperties {
  private static final GoldenRecordSettings SETTINGS = TestSettings.lastWriteWins();
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T00:00:00Z");

  @Property(tries = 300)
  void signalsConvergeWhateverTheArrivalOrderAndDuplicates(
      @ForAll("signals") List<SignalRecorded> signals, @ForAll Random random) {
    Map<List<String>, SignalRecorded> distinct = new LinkedHashMap<>();
    signals.forEach(s -> distinct.putIfAbsent(List.of(s.stamp().source(), s.stamp().eventId()), s));
    TreeMap<LocalDate, SignalRecorded> expected = new TreeMap<>();
    for (SignalRecorded signal : distinct.values()) {
      expected.merge(
          signal.date(),
          signal,
          (a, b) -> SETTINGS.ranking().lastWriteWins().compare(a.stamp(), b.stamp()) >= 0 ? a : b);
    }

    for (int arrival = 0; arrival < 3; arrival++) {
      List<SignalRecorded> order = new ArrayList<>(distinct.values());
      order.addAll(distinct.values().stream().filter(s -> random.nextInt(4) == 0).toList());
      Collections.shuffle(order, random);
      DemandState state = new DemandState();
      Set<List<String>> applied = new HashSet<>();
      for (SignalRecorded signal : order) {
        if (applied.add(List.of(signal.stamp().source(), signal.stamp().eventId()))) {
          state.apply(signal, SETTINGS);
        }
      }
      assertThat(state.signals()).containsExactlyElementsOf(expected.values());
      assertThat(state.view("P").signals())
          .extracting(DemandSignalsView.Signal::provenance)
          .containsExactlyElementsOf(
              expected.values().stream().map(SignalRecorded::stamp).toList());
    }
  }

  @Provide
  Arbitrary<List<SignalRecorded>> signals() {
    // few ids, hours and offsets, so that instants tie and a time falls on two dates by offset
    Arbitrary<Stamp> stamps =
        Combinators.combine(
                Arbitraries.of("erp", "market", "pos"),
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 72),
                Arbitraries.of(ZoneOffset.UTC, ZoneOffset.ofHours(9), ZoneOffset.ofHours(-7)))
            .as(
                (source, id, hour, offset) ->
                    new Stamp(source, "d" + id, T0.plusHours(hour).withOffsetSameInstant(offset)));
    return Combinators.combine(
            stamps,
            Arbitraries.of(ExternalDemand.class),
            Arbitraries.integers().between(-100, 100).injectNull(0.3))
        .as(
            (stamp, demand, trend) ->
                new SignalRecorded(
                    stamp,
                    demand,
                    trend == null ? null : BigDecimal.valueOf(trend, 2),
                    null,
                    null,
                    null,
                    null))
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }
}
