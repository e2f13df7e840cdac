package io.shelfstream.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.policy.Stamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A movement keeps its stamp's time as numbers: the stamp it gives back, and how it compares with a
 * horizon, must be what the stamp itself gives, whatever the offset the source reported.
 */
class MovementProperties {

  @Property(tries = 500)
  void givesBackTheStampItWasMadeOfAndComparesAsItWould(
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long epochSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nano,
      @ForAll @IntRange(min = -18 * 3600, max = 18 * 3600) int offsetSeconds,
      @ForAll @LongRange(min = -2, max = 2) long secondsToHorizon,
      @ForAll @IntRange(min = 0, max = 999_999_999) int horizonNano,
      @ForAll long delta) {
    OffsetDateTime at =
        OffsetDateTime.ofInstant(
            Instant.ofEpochSecond(epochSecond, nano), ZoneOffset.ofTotalSeconds(offsetSeconds));
    Stamp stamp = new Stamp("pos", "e-1", at);
    Movement movement = new Movement(stamp, delta);
    Instant horizon = Instant.ofEpochSecond(epochSecond + secondsToHorizon, horizonNano);

    assertThat(movement.stamp()).isEqualTo(stamp);
    assertThat(movement.delta()).isEqualTo(delta);
    assertThat(movement.isAfter(horizon.getEpochSecond(), horizon.getNano()))
        .isEqualTo(stamp.isAfter(horizon.atOffset(ZoneOffset.UTC)));
    assertThat(movement.isAfter(at.toEpochSecond(), at.getNano())).isFalse();
    assertThat(movement).isEqualTo(new Movement(stamp, delta));
  }
}
