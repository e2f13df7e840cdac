package io.shelfstream.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.Event;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryStateTest {
  private static final InventoryKey KEY = new InventoryKey("S001", "SKU-1");

  static CountRecorded count(String source, String id, String at, long onHand) {
    return count(KEY.sku(), source, id, at, onHand);
  }

  static CountRecorded count(String sku, String source, String id, String at, long onHand) {
    return new CountRecorded(sku, new Stamp(source, id, OffsetDateTime.parse(at)), onHand);
  }

  static MovementRecorded move(MovementKind kind, String id, String at, long qty) {
    return move(KEY.sku(), kind, id, at, qty);
  }

  static MovementRecorded move(String sku, MovementKind kind, String id, String at, long qty) {
    return new MovementRecorded(
        sku, new Stamp("pos", id, OffsetDateTime.parse(at)), kind, qty, null, null, null);
  }

  static InventoryView replay(GoldenRecordSettings settings, List<? extends Event> events) {
    InventoryState state = new InventoryState();
    for (Event event : events) {
      if (!state.hasSeen(event.stamp().source(), event.stamp().eventId())) {
        state = state.apply(event, settings);
      }
    }
    return state.view(KEY, settings);
  }

  @Test
  void withoutACountMovementsApplyOnZero() {
    var view =
        replay(
            TestSettings.lastWriteWins(),
            List.of(
                move(MovementKind.RECEIPT, "r", "2026-03-01T08:00:00Z", 10),
                move(MovementKind.SALE, "s", "2026-03-01T09:00:00Z", 3),
                move(MovementKind.RETURN, "t", "2026-03-01T10:00:00Z", 1),
                move(MovementKind.ADJUSTMENT, "a", "2026-03-01T11:00:00Z", -2)));
    assertThat(view.onHand()).isEqualTo(6);
    assertThat(view.lastCountAt()).isNull();
    assertThat(view.provenance().count()).isNull();
    assertThat(view.provenance().movementsApplied()).isEqualTo(4);
    assertThat(view.provenance().lastMovement().eventId()).isEqualTo("a");
    assertThat(view.version()).isEqualTo(4);
  }

  @Test
  void aCountIsTheBaselineAndOnlyLaterMovementsApply() {
    var view =
        replay(
            TestSettings.lastWriteWins(),
            List.of(
                move(MovementKind.SALE, "before", "2026-03-01T08:00:00Z", 5),
                move(MovementKind.SALE, "at", "2026-03-01T09:00:00Z", 5),
                move(MovementKind.SALE, "after", "2026-03-01T09:00:01Z", 2),
                count("erp", "c", "2026-03-01T10:00:00+01:00", 40)));
    assertThat(view.onHand()).isEqualTo(38);
    assertThat(view.lastCountAt()).isEqualTo(OffsetDateTime.parse("2026-03-01T10:00:00+01:00"));
    assertThat(view.provenance().count().eventId()).isEqualTo("c");
    assertThat(view.provenance().movementsApplied()).isEqualTo(1);
  }

  @Test
  void aStaleCountDoesNotReplaceTheBaseline() {
    var view =
        replay(
            TestSettings.lastWriteWins(),
            List.of(
                count("pos", "new", "2026-03-02T00:00:00Z", 10),
                count("erp", "old", "2026-03-01T00:00:00Z", 99),
                move(MovementKind.SALE, "s", "2026-03-01T12:00:00Z", 4)));
    assertThat(view.onHand()).isEqualTo(10);
    assertThat(view.provenance().count().eventId()).isEqualTo("new");
    assertThat(view.version()).isEqualTo(3);
  }

  @Test
  void stockMayGoNegativeAndIsFlagged() {
    var view =
        replay(
            TestSettings.lastWriteWins(),
            List.of(
                count("pos", "c", "2026-03-01T00:00:00Z", 1),
                move(MovementKind.SALE, "s", "2026-03-01T01:00:00Z", 3)));
    assertThat(view.onHand()).isEqualTo(-2);
    assertThat(view.negative()).isTrue();
  }

  @Test
  void underSourcePriorityAnOlderTrustedCountCanWinBackTheBaseline() {
    // pos's count is taken while erp's is stale; a newer erp count within the window wins back,
    // and the movements between it and pos's count apply again: they must not have been dropped
    var settings = TestSettings.sourcePriority(Duration.ofHours(6));
    var view =
        replay(
            settings,
            List.of(
                count("erp", "e1", "2026-03-01T00:00:00Z", 100),
                count("pos", "p1", "2026-03-01T10:00:00Z", 50),
                move(MovementKind.SALE, "s1", "2026-03-01T06:00:00Z", 1),
                move(MovementKind.SALE, "s2", "2026-03-01T09:00:00Z", 2),
                count("erp", "e2", "2026-03-01T05:00:00Z", 80)));
    assertThat(view.provenance().count().eventId()).isEqualTo("e2");
    assertThat(view.onHand()).isEqualTo(80 - 1 - 2);
  }

  @Test
  void aRedeliveredMovementIsRememberedEvenPastTheDedupeWindow() {
    var settings =
        TestSettings.with(
            TestSettings.lastWriteWins().onHand(),
            new io.shelfstream.engine.dedupe.DedupeSettings(Duration.ofMinutes(1), 1));
    var sale = move(MovementKind.SALE, "s", "2026-03-01T00:00:00Z", 2);
    var view =
        replay(
            settings,
            List.of(sale, move(MovementKind.SALE, "later", "2026-03-05T00:00:00Z", 1), sale));
    assertThat(view.onHand()).isEqualTo(-3);
  }
}
