package io.shelfstream.simulations.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.simulations.noise.Emission;
import io.shelfstream.simulations.noise.MalformedLine;
import io.shelfstream.simulations.noise.NoiseCounters;
import io.shelfstream.simulations.noise.NoisePipeline;
import io.shelfstream.simulations.noise.NoiseSpec;
import io.shelfstream.simulations.noise.ValidLine;
import io.shelfstream.simulations.testing.FakeNode;
import io.shelfstream.simulations.world.World;
import io.shelfstream.simulations.world.WorldSpec;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEmittersTest {

  private static final WorldSpec WORLD = new WorldSpec(11, 3, 20, 6, WorldSpec.DEFAULT_START);
  private static final NoiseSpec NOISE = NoiseSpec.of(5, 3, 20, 0, 0);

  private FakeNode node;

  @BeforeEach
  void start() throws Exception {
    node = new FakeNode();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private SendStats run(Function<SendStats, Emitter> emitterFor) throws InterruptedException {
    SendStats stats = new SendStats();
    Iterator<Emission> lines =
        NoisePipeline.apply(World.create(WORLD).events(), NOISE, 1, new NoiseCounters());
    try (Emitter emitter = emitterFor.apply(stats)) {
      while (lines.hasNext()) {
        Emission line = lines.next();
        stats.sent(line instanceof MalformedLine, line instanceof ValidLine v && v.resend());
        emitter.send(line);
      }
      emitter.finish(Duration.ofSeconds(60));
    }
    return stats;
  }

  private void assertEveryLineAcknowledgedAsExpected(SendStats stats) {
    assertThat(stats.failure()).isNull();
    assertThat(stats.anomalies()).isEmpty();
    assertThat(stats.malformedSent()).isPositive();
    assertThat(stats.accepted() + stats.duplicates() + stats.rejected()).isEqualTo(stats.sent());
    assertThat(stats.rejected()).isEqualTo(stats.malformedSent());
    assertThat(stats.duplicates()).isEqualTo(stats.resent());
    assertThat(stats.validRejected() + stats.malformedNotRejected() + stats.unacknowledged())
        .isZero();
    assertThat(stats.latencySnapshot().getTotalCount()).isEqualTo(stats.sent());
    assertThat(node.linesReceived()).isEqualTo(stats.sent() + stats.retried());
  }

  @Test
  void batchesAreAcknowledgedLineByLine() throws Exception {
    assertEveryLineAcknowledgedAsExpected(
        run(stats -> new HttpBatchEmitter(node.uri(), 250, 3, stats, Bearer.NONE)));
  }

  @Test
  void streamingTillsReceiveEveryLinesResultOnTheOpenConnection() throws Exception {
    assertEveryLineAcknowledgedAsExpected(
        run(stats -> new HttpStreamEmitter(node.uri(), 3, stats, Bearer.NONE)));
  }

  @Test
  void mixedModeSplitsEntitiesBetweenStreamsAndBatches() throws Exception {
    assertEveryLineAcknowledgedAsExpected(
        run(stats -> new MixedEmitter(node.uri(), 4, 100, stats, Bearer.NONE)));
  }

  @Test
  void batchesAndStreamsCarryTheBearerToken() throws Exception {
    node.requireToken("sst_abc_secret");
    Bearer bearer = new Bearer(Optional.of("sst_abc_secret"));
    assertEveryLineAcknowledgedAsExpected(
        run(stats -> new MixedEmitter(node.uri(), 4, 100, stats, bearer)));

    SendStats anonymous =
        run(stats -> new HttpBatchEmitter(node.uri(), 250, 1, stats, Bearer.NONE));
    assertThat(anonymous.failure()).contains("HTTP 401").contains("--token or SHELFSTREAM_TOKEN");
  }

  @Test
  void aValidLineRejectedByTheNodeIsNamed() throws Exception {
    node.rejectValidLinesOfType("receipt");

    SendStats batch = run(stats -> new HttpBatchEmitter(node.uri(), 50, 2, stats, Bearer.NONE));

    assertThat(batch.validRejected()).isPositive();
    assertThat(batch.anomalies())
        .anySatisfy(anomaly -> assertThat(anomaly).contains("valid line rc-").contains("rejected"));
  }

  @Test
  void aStreamingTillNamesValidLinesTheNodeRejects() throws Exception {
    node.rejectValidLinesOfType("count");

    SendStats stream = run(stats -> new HttpStreamEmitter(node.uri(), 2, stats, Bearer.NONE));

    assertThat(stream.validRejected()).isPositive();
    assertThat(stream.anomalies())
        .anySatisfy(anomaly -> assertThat(anomaly).contains("valid line c-"));
  }

  @Test
  void linesTheNodeCouldNotMakeDurableAreSentAgainByTills() throws Exception {
    node.failEveryNthLine(7);

    SendStats stats = run(s -> new HttpStreamEmitter(node.uri(), 2, s, Bearer.NONE));

    assertThat(stats.retried()).isPositive();
    assertEveryLineAcknowledgedAsExpected(stats);
  }

  @Test
  void batchesAnswered503AreSentAgain() throws Exception {
    node.failEveryNthLine(97);

    SendStats stats = run(s -> new HttpBatchEmitter(node.uri(), 40, 2, s, Bearer.NONE));

    assertThat(stats.retried()).isPositive();
    assertThat(stats.failure()).isNull();
    assertThat(stats.accepted() + stats.duplicates() + stats.rejected()).isEqualTo(stats.sent());
    assertThat(stats.rejected()).isEqualTo(stats.malformedSent());
  }
}
