package io.shelfstream.simulations.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shelfstream.simulations.emit.Bearer;
import io.shelfstream.simulations.emit.HttpBatchEmitter;
import io.shelfstream.simulations.emit.SendStats;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.StockKey;
import io.shelfstream.simulations.noise.Emission;
import io.shelfstream.simulations.noise.NoiseCounters;
import io.shelfstream.simulations.noise.NoisePipeline;
import io.shelfstream.simulations.noise.NoiseSpec;
import io.shelfstream.simulations.noise.ValidLine;
import io.shelfstream.simulations.testing.FakeNode;
import io.shelfstream.simulations.truth.GroundTruth;
import io.shelfstream.simulations.truth.Policies;
import io.shelfstream.simulations.wire.PosLineEncoder;
import io.shelfstream.simulations.world.World;
import io.shelfstream.simulations.world.WorldSpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckerTest {

  private static final WorldSpec WORLD = new WorldSpec(3, 2, 15, 10, WorldSpec.DEFAULT_START);

  private FakeNode node;
  private GroundTruth truth;

  @BeforeEach
  void sendAWorld() throws Exception {
    node = new FakeNode();
    truth = new GroundTruth(Policies.defaults());
    SendStats stats = new SendStats();
    Iterator<Emission> lines =
        NoisePipeline.apply(
            World.create(WORLD).events(),
            new NoiseSpec(5, 0, 0, 10, 20, 2_000, 5_000, 50_000),
            3,
            new NoiseCounters());
    try (HttpBatchEmitter emitter = new HttpBatchEmitter(node.uri(), 200, 2, stats, Bearer.NONE)) {
      while (lines.hasNext()) {
        Emission line = lines.next();
        truth.accept(((ValidLine) line).event());
        emitter.send(line);
      }
      emitter.finish(Duration.ofSeconds(30));
    }
    assertThat(stats.failure()).isNull();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private CheckReport check(Duration settle) throws InterruptedException {
    return new Checker(new NodeClient(node.uri(), Bearer.NONE), Duration.ofMillis(200))
        .check(truth, settle);
  }

  @Test
  void everyRecordMatchesWhenTheNodeFollowsTheRules() throws Exception {
    CheckReport report = check(Duration.ZERO);

    assertThat(report.mismatches()).isZero();
    assertThat(report.inventoryChecked()).isEqualTo(truth.inventoryRecords()).isGreaterThan(30);
    assertThat(report.storesChecked()).isEqualTo(2);
  }

  @Test
  void aWrongOnHandIsReportedWithTheDifference() throws Exception {
    StockKey key = truth.inventory().get(0).key();
    node.skewOnHand(key);

    CheckReport report = check(Duration.ZERO);

    assertThat(report.mismatches()).isEqualTo(1);
    assertThat(report.firstMismatches().get(0).entity()).isEqualTo("inventory " + key);
    assertThat(report.firstMismatches().get(0).differences())
        .singleElement()
        .asString()
        .startsWith("onHand: expected");
  }

  @Test
  void aRecordTheNodeNeverSawIsAMismatch() throws Exception {
    truth.accept(
        new Count(
            "c-unsent",
            "pos",
            OffsetDateTime.parse("2026-01-03T08:00:00+01:00"),
            new StockKey("S 9|x", "123"),
            1));

    CheckReport report = check(Duration.ZERO);

    assertThat(report.mismatches()).isEqualTo(1);
    assertThat(report.firstMismatches().get(0).differences())
        .singleElement()
        .asString()
        .contains("404");
  }

  @Test
  void mismatchesAreRecheckedUntilTheNodeCatchesUp() throws Exception {
    node.freeze();
    Count late =
        new Count(
            "c-late",
            "erp",
            OffsetDateTime.parse("2026-02-01T08:00:00Z"),
            truth.inventory().get(0).key(),
            77);
    truth.accept(late);
    // the frozen node accepts the count but does not apply it yet
    try (HttpBatchEmitter emitter =
        new HttpBatchEmitter(node.uri(), 1, 1, new SendStats(), Bearer.NONE)) {
      emitter.send(new ValidLine(late, new PosLineEncoder().encode(late), false));
      emitter.finish(Duration.ofSeconds(10));
    }
    Checker checker = new Checker(new NodeClient(node.uri(), Bearer.NONE), Duration.ofMillis(200));
    CompletableFuture<CheckReport> report =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return checker.check(truth, Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    long total = truth.inventoryRecords() + truth.storeRecords();
    await().atMost(Duration.ofSeconds(20)).until(() -> checker.fetched() > total);
    node.thaw();

    assertThat(report.get(30, TimeUnit.SECONDS).mismatches()).isZero();
  }

  @Test
  void pathSegmentsAreEncoded() {
    assertThat(NodeClient.segment("S 1|x/y+z")).isEqualTo("S%201%7Cx%2Fy%2Bz");
  }
}
