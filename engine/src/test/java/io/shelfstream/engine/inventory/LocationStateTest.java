package io.shelfstream.engine.inventory;

import static io.shelfstream.engine.inventory.InventoryStateTest.count;
import static io.shelfstream.engine.inventory.InventoryStateTest.move;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.dedupe.DedupeSettings;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.protocols.event.MovementKind;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LocationStateTest {
  // a short memory, so that records forget ids and the index must forget them too
  private static final GoldenRecordSettings SETTINGS =
      TestSettings.with(
          TestSettings.lastWriteWins().onHand(), new DedupeSettings(Duration.ofHours(1), 20));
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T00:00:00Z");

  @Test
  void answersExactlyAsTheRecordsDoThroughForgettingAndIndexRebuilds() {
    var random = new Random(42);
    var state = new LocationState();
    List<String[]> sent = new ArrayList<>();
    for (int n = 0; n < 20_000; n++) {
      String sku = "SKU-" + random.nextInt(40);
      String id = "e" + n;
      String at = T0.plusMinutes(n / 10).toString();
      LocationInventory.Event event =
          n % 50 == 0 ? count(sku, "erp", id, at, 100) : move(sku, MovementKind.SALE, id, at, 1);
      state.apply(event, SETTINGS);
      sent.add(new String[] {sku, event.stamp().source(), id});
      if (n % 997 == 0) {
        for (int probe = 0; probe < 200; probe++) {
          String[] earlier = sent.get(random.nextInt(sent.size()));
          String otherSku = "SKU-" + random.nextInt(40);
          for (String candidateSku : List.of(earlier[0], otherSku)) {
            assertThat(state.hasSeen(candidateSku, earlier[1], earlier[2]))
                .as("%s %s/%s after %d events", candidateSku, earlier[1], earlier[2], n)
                .isEqualTo(state.sku(candidateSku).hasSeen(earlier[1], earlier[2]));
          }
        }
      }
    }
    assertThat(state.hasSeen("SKU-1", "pos", "e19999")).isFalse();
    String[] last = sent.get(sent.size() - 1);
    assertThat(state.hasSeen(last[0], last[1], last[2])).isTrue();
  }

  @Test
  void aRestoredSnapshotRemembersWhatTheRecordsRemember() {
    var state = new LocationState();
    state.apply(move("SKU-1", MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 1), SETTINGS);
    state.apply(count("SKU-2", "erp", "c1", "2026-03-01T09:00:00Z", 5), SETTINGS);
    LocationState restored =
        LocationState.SNAPSHOTS.fromJournal(LocationState.SNAPSHOTS.toJournal(state));
    assertThat(restored.hasSeen("SKU-1", "pos", "s1")).isTrue();
    assertThat(restored.hasSeen("SKU-2", "erp", "c1")).isTrue();
    assertThat(restored.hasSeen("SKU-2", "pos", "s1")).isFalse();
  }
}
