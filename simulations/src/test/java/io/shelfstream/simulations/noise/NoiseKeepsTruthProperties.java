package io.shelfstream.simulations.noise;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.testing.NaiveTruth;
import io.shelfstream.simulations.testing.WireValidator;
import io.shelfstream.simulations.truth.GroundTruth;
import io.shelfstream.simulations.truth.Policies;
import io.shelfstream.simulations.truth.Policy;
import io.shelfstream.simulations.world.World;
import io.shelfstream.simulations.world.WorldSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Noise reorders, repeats, contradicts and breaks lines; ground truth must not care. For random
 * worlds and knobs: the truth fed with the noisy stream equals the truth fed with the deduplicated
 * valid events in time order, and both equal the naive oracle's.
 */
class NoiseKeepsTruthProperties {

  @Property(tries = 25)
  void truthDependsOnlyOnTheSetOfValidEvents(
      @ForAll long seed,
      @ForAll @IntRange(max = 30) int duplicates,
      @ForAll @IntRange(max = 10) int malformed,
      @ForAll @IntRange(max = 100) int outOfOrder,
      @ForAll @IntRange(max = 50) int late,
      @ForAll @IntRange(max = 50) int conflicts,
      @ForAll boolean sourcePriorityOnHand) {
    Policies policies = sourcePriorityOnHand ? withSourcePriorityOnHand() : Policies.defaults();
    WorldSpec world = new WorldSpec(seed, 2, 12, 15, WorldSpec.DEFAULT_START);
    NoiseSpec noise =
        new NoiseSpec(
            duplicates,
            malformed,
            outOfOrder,
            late,
            conflicts,
            300,
            NoiseSpec.NONE.duplicateWindow(),
            NoiseSpec.NONE.lateHoldLimit());

    GroundTruth fromStream = new GroundTruth(policies);
    List<SimEvent> valid = new ArrayList<>();
    Iterator<Emission> lines =
        NoisePipeline.apply(World.create(world).events(), noise, seed, new NoiseCounters());
    while (lines.hasNext()) {
      Emission line = lines.next();
      if (line instanceof ValidLine v) {
        fromStream.accept(v.event());
        valid.add(v.event());
      } else {
        assertThat(WireValidator.isValid(line.bytes()))
            .as("malformed lines must be invalid")
            .isFalse();
      }
    }

    List<SimEvent> sortedDistinct =
        valid.stream()
            .collect(
                Collectors.toMap(
                    SimEvent::ref, Function.identity(), (a, b) -> a, LinkedHashMap::new))
            .values()
            .stream()
            .sorted(
                Comparator.comparing((SimEvent e) -> e.occurredAt().toInstant())
                    .thenComparing(SimEvent::eventId))
            .toList();
    GroundTruth fromSet = new GroundTruth(policies);
    NaiveTruth oracle = new NaiveTruth(policies);
    sortedDistinct.forEach(fromSet::accept);
    sortedDistinct.forEach(oracle::accept);

    assertThat(fromStream.inventory())
        .isEqualTo(fromSet.inventory())
        .isEqualTo(List.copyOf(oracle.inventory().values()));
    assertThat(fromStream.stores())
        .isEqualTo(fromSet.stores())
        .isEqualTo(List.copyOf(oracle.stores().values()));
  }

  private static Policies withSourcePriorityOnHand() {
    Policies defaults = Policies.defaults();
    return new Policies(
        defaults.sourceRanking(),
        new Policy.SourcePriority(List.of("wms", "erp", "pos"), Duration.ofHours(36)),
        defaults.storeFields(),
        defaults.storeDefault());
  }
}
