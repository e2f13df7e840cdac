package io.shelfstream.simulations.noise;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.Movement;
import io.shelfstream.simulations.event.StockKey;
import io.shelfstream.simulations.world.World;
import io.shelfstream.simulations.world.WorldSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NoiseStagesTest {

  private static final WorldSpec SMALL = new WorldSpec(5, 3, 30, 20, WorldSpec.DEFAULT_START);

  private static <T> List<T> drain(java.util.Iterator<T> items) {
    List<T> list = new ArrayList<>();
    items.forEachRemaining(list::add);
    return list;
  }

  @Test
  void outOfOrderMovesItemsLaterButNeverFurtherThanTheWindow() {
    List<Integer> input = IntStream.range(0, 20_000).boxed().toList();
    List<Integer> output =
        drain(
            Delay.outOfOrder(
                input.iterator(), 50, 100, new SplittableRandom(1), new NoiseCounters()));

    assertThat(output).containsExactlyInAnyOrderElementsOf(input).isNotEqualTo(input);
    for (int position = 0; position < output.size(); position++) {
      assertThat(position - output.get(position))
          .as("item %d", output.get(position))
          .isLessThanOrEqualTo(100);
    }
  }

  @Test
  void duplicatesResendTheSameBytesAfterTheOriginal() {
    NoiseCounters counters = new NoiseCounters();
    List<Emission> lines =
        drain(
            NoisePipeline.apply(
                World.create(SMALL).events(), NoiseSpec.of(10, 0, 0, 0, 0), 1, counters));
    Map<String, Integer> firstSeen = new HashMap<>();
    long resends = 0;
    for (int i = 0; i < lines.size(); i++) {
      ValidLine line = (ValidLine) lines.get(i);
      String id = line.event().eventId();
      if (line.resend()) {
        resends++;
        assertThat(firstSeen).as("a resend follows its original").containsKey(id);
        assertThat(i - firstSeen.get(id)).isLessThanOrEqualTo(NoiseSpec.NONE.duplicateWindow() + 1);
      } else {
        assertThat(firstSeen.put(id, i)).as("an original is sent once").isNull();
      }
    }
    assertThat(resends).isEqualTo(counters.resent()).isPositive();
  }

  @Test
  void lateMovementsArriveAfterANewerCountOfTheirSku() {
    NoiseCounters counters = new NoiseCounters();
    List<SimEvent> events =
        drain(
            new LateArrivals(
                World.create(SMALL).events(), 20, 1_000_000, new SplittableRandom(3), counters));
    Map<StockKey, Count> lastCount = new HashMap<>();
    long lateAfterCount = 0;
    for (SimEvent event : events) {
      if (event instanceof Count count) {
        lastCount.put(count.key(), count);
      } else if (event instanceof Movement movement) {
        Count count = lastCount.get(movement.key());
        if (count != null && !movement.occurredAt().isAfter(count.occurredAt())) {
          lateAfterCount++;
        }
      }
    }
    assertThat(counters.heldLate()).isPositive();
    assertThat(lateAfterCount).as("held movements land after a newer count").isPositive();
    assertThat(events).hasSize(drain(World.create(SMALL).events()).size());
  }

  @Test
  void theLateHoldLimitBoundsMemoryWithoutLosingEvents() {
    NoiseCounters counters = new NoiseCounters();
    List<SimEvent> events =
        drain(
            new LateArrivals(
                World.create(SMALL).events(), 100, 10, new SplittableRandom(3), counters));

    assertThat(events).containsExactlyInAnyOrderElementsOf(drain(World.create(SMALL).events()));
  }

  @Test
  void conflictsAddValidContradictionsNextToCountsAndStoreUpdates() {
    NoiseCounters counters = new NoiseCounters();
    List<Emission> lines =
        drain(
            NoisePipeline.apply(
                World.create(SMALL).events(),
                new NoiseSpec(0, 0, 0, 0, 50, 2_000, 5_000, 50_000),
                1,
                counters));

    assertThat(counters.conflictingEventsAdded()).isPositive();
    assertThat(lines)
        .filteredOn(
            l -> ((ValidLine) l).event().source().equals(ConflictingSources.UNLISTED_SOURCE))
        .isNotEmpty();
    assertThat(lines)
        .filteredOn(l -> ((ValidLine) l).event().eventId().endsWith("\uD83D\uDE00"))
        .isNotEmpty();
  }
}
