package io.shelfstream.engine.inventory;

import static io.shelfstream.engine.inventory.InventoryStateTest.move;
import static io.shelfstream.engine.inventory.InventoryStateTest.replay;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** reserved and inTransit come from the count the record stands on; available follows onHand. */
class ReservationsTest {
  private static final InventoryKey KEY = new InventoryKey("S001", "SKU-1");

  private static CountRecorded count(
      String source, String id, String at, long onHand, Long reserved, Long inTransit) {
    return new CountRecorded(
        "SKU-1", new Stamp(source, id, OffsetDateTime.parse(at)), onHand, reserved, inTransit);
  }

  @Test
  void theChosenCountsReservationsAreShownAndAvailableFollowsTheMovementsAfterIt() {
    var view =
        replay(
            TestSettings.lastWriteWins(),
            List.of(
                count("erp", "c1", "2026-03-01T08:00:00Z", 40, 6L, 12L),
                move(MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 3)));
    assertThat(view.onHand()).isEqualTo(37);
    assertThat(view.reserved()).isEqualTo(6);
    assertThat(view.available()).isEqualTo(31);
    assertThat(view.inTransit()).isEqualTo(12);
    assertThat(view.provenance().count().reserved()).isEqualTo(6);
    assertThat(view.provenance().count().inTransit()).isEqualTo(12);
  }

  @Test
  void underLastWriteWinsANewerCountWithoutReservationsShowsNoneWhateverTheOrder() {
    var older = count("wms", "c1", "2026-03-01T08:00:00Z", 40, 6L, 12L);
    var newer = count("erp", "c2", "2026-03-01T10:00:00Z", 35, null, null);
    for (var events : List.of(List.of(older, newer), List.of(newer, older))) {
      var view = replay(TestSettings.lastWriteWins(), events);
      assertThat(view.onHand()).isEqualTo(35);
      assertThat(view.reserved()).isNull();
      assertThat(view.available()).isNull();
      assertThat(view.inTransit()).isNull();
      assertThat(view.provenance().count().eventId()).isEqualTo("c2");
    }
  }

  @Test
  void aSourcesNewerCountReplacesItsReservationsEvenWithNone() {
    var settings = TestSettings.lastWriteWins();
    var state = new InventoryState();
    state.apply(count("erp", "c1", "2026-03-01T08:00:00Z", 40, 6L, 12L), settings);
    state.apply(count("erp", "c2", "2026-03-01T09:00:00Z", 30, null, 4L), settings);
    var view = state.view(KEY, settings);
    assertThat(view.reserved()).isNull();
    assertThat(view.inTransit()).isEqualTo(4);

    state.apply(count("erp", "c3", "2026-03-01T10:00:00Z", 30, null, null), settings);
    assertThat(state.reservationsBySource()).as("nothing kept for a count without").isEmpty();
    // an older count of the same source changes nothing
    state.apply(count("erp", "c0", "2026-03-01T07:00:00Z", 99, 50L, 50L), settings);
    assertThat(state.reservationsBySource()).isEmpty();
  }

  @Test
  void underSourcePriorityTheRankedSourcesCountKeepsItsReservationsWithinTheStaleness() {
    var erp = count("erp", "c1", "2026-03-01T08:00:00Z", 40, 6L, 12L);
    var pos = count("pos", "c2", "2026-03-01T09:00:00Z", 38, 1L, 0L);
    var settings = TestSettings.sourcePriority(Duration.ofHours(2));
    for (var events : List.of(List.of(erp, pos), List.of(pos, erp))) {
      var view = replay(settings, events);
      assertThat(view.onHand()).isEqualTo(40);
      assertThat(view.reserved()).isEqualTo(6);
      assertThat(view.available()).isEqualTo(34);
      assertThat(view.inTransit()).isEqualTo(12);
    }
    var stale = TestSettings.sourcePriority(Duration.ofMinutes(30));
    var view = replay(stale, List.of(erp, pos));
    assertThat(view.onHand()).as("erp's count is stale past 30 minutes").isEqualTo(38);
    assertThat(view.reserved()).isEqualTo(1);
    assertThat(view.available()).isEqualTo(37);
    assertThat(view.inTransit()).isZero();
  }

  @Test
  void availableMayGoNegativeAsOnHandMay() {
    var view =
        replay(
            TestSettings.lastWriteWins(),
            List.of(
                count("erp", "c1", "2026-03-01T08:00:00Z", 5, 4L, null),
                move(MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 3)));
    assertThat(view.available()).isEqualTo(-2);
    assertThat(view.inTransit()).isNull();
  }

  @Test
  void aRecordWithoutReservationsHasNoneAndACopyKeepsThem() {
    var settings = TestSettings.lastWriteWins();
    var plain = new InventoryState();
    plain.apply(count("erp", "c1", "2026-03-01T08:00:00Z", 40, null, null), settings);
    assertThat(plain.reservationsBySource()).isEmpty();
    var view = plain.view(KEY, settings);
    assertThat(view.reserved()).isNull();
    assertThat(view.available()).isNull();

    var reserved = new InventoryState();
    List<LocationInventory.Event> events = new ArrayList<>();
    events.add(count("erp", "c1", "2026-03-01T08:00:00Z", 40, 6L, null));
    events.forEach(event -> reserved.apply(event, settings));
    assertThat(reserved.copy().view(KEY, settings)).isEqualTo(reserved.view(KEY, settings));
  }
}
