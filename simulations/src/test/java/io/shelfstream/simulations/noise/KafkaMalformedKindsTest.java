package io.shelfstream.simulations.noise;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.StockKey;
import io.shelfstream.simulations.testing.WireValidator;
import io.shelfstream.simulations.world.World;
import io.shelfstream.simulations.world.WorldSpec;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Over Kafka a record without eventId is a valid event: the node gives it the record's position as
 * id (docs/pos-wire-format.md, "Other transports"). A line the simulator sends as malformed must be
 * malformed for the transport it goes through, or ground truth and the node disagree.
 */
class KafkaMalformedKindsTest {

  private static final SimEvent COUNT =
      new Count(
          "c-1",
          "pos",
          OffsetDateTime.parse("2026-03-01T08:00:00+01:00"),
          new StockKey("S001", "3760040000008"),
          5);

  @ParameterizedTest
  @EnumSource(MalformedKind.class)
  void everyKindSentOverKafkaIsMalformedAsAKafkaRecord(MalformedKind kind) {
    byte[] line = new MalformedLines().build(kind, COUNT, "bad-1");
    boolean sentOverKafka = MalformedKind.withIdsFromTransport().contains(kind);
    assertThat(WireValidator.problemsAsKafkaRecord(line).isEmpty())
        .as("%s: %s", kind, new String(line, StandardCharsets.UTF_8))
        .isEqualTo(!sentOverKafka);
  }

  @Test
  void aLineWithoutEventIdIsNeverSentAsMalformedOverKafka() {
    NoiseCounters counters = new NoiseCounters();
    Iterator<Emission> lines =
        NoisePipeline.apply(
            World.create(new WorldSpec(3, 3, 60, 10, WorldSpec.DEFAULT_START)).events(),
            NoiseSpec.of(0, 100, 0, 0, 0),
            MalformedKind.withIdsFromTransport(),
            3,
            counters);
    long malformed = 0;
    while (lines.hasNext()) {
      if (lines.next() instanceof MalformedLine line) {
        malformed++;
        assertThat(line.kind()).isNotEqualTo(MalformedKind.MISSING_EVENT_ID);
      }
    }
    assertThat(malformed).isGreaterThan(1_000);
    assertThat(counters.malformedByKind())
        .doesNotContainKey(MalformedKind.MISSING_EVENT_ID)
        .hasSize(MalformedKind.values().length - 1);
  }
}
