package io.shelfstream.simulations.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.Adjustment;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.EventRef;
import io.shelfstream.simulations.event.SimEvent.Receipt;
import io.shelfstream.simulations.event.SimEvent.Sale;
import io.shelfstream.simulations.event.SimEvent.StoreUpdate;
import io.shelfstream.simulations.event.StoreField;
import io.shelfstream.simulations.testing.WireValidator;
import io.shelfstream.simulations.wire.PosLineEncoder;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorldTest {

  private static final WorldSpec SMALL = new WorldSpec(42, 5, 50, 30, WorldSpec.DEFAULT_START);

  private static List<SimEvent> all(Iterator<SimEvent> events) {
    List<SimEvent> list = new ArrayList<>();
    events.forEachRemaining(list::add);
    return list;
  }

  private static byte[] digest(Iterator<SimEvent> events) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    PosLineEncoder encoder = new PosLineEncoder();
    events.forEachRemaining(
        event -> {
          sha.update(encoder.encode(event));
          sha.update((byte) '\n');
        });
    return sha.digest();
  }

  @Test
  void theSameSeedAndSizesGiveTheSameBytes() throws Exception {
    assertThat(digest(World.create(SMALL).events()))
        .isEqualTo(digest(World.create(SMALL).events()));
  }

  @Test
  void anotherSeedGivesAnotherStream() throws Exception {
    WorldSpec other = new WorldSpec(43, 5, 50, 30, WorldSpec.DEFAULT_START);
    assertThat(digest(World.create(SMALL).events()))
        .isNotEqualTo(digest(World.create(other).events()));
  }

  @Test
  void renamedSitesLiveTheSameLifeUnderTheirNewIds() {
    List<SimEvent> usual = all(World.create(SMALL).events());
    List<SimEvent> renamed = all(World.create(SMALL.withSitePrefix("warmup-")).events());

    assertThat(renamed).hasSameSizeAs(usual);
    for (int i = 0; i < usual.size(); i++) {
      SimEvent original = usual.get(i);
      SimEvent twin = renamed.get(i);
      assertThat(twin.getClass()).isEqualTo(original.getClass());
      assertThat(twin.occurredAt()).isEqualTo(original.occurredAt());
      assertThat(twin.routingKey()).isEqualTo("warmup-" + original.routingKey());
    }
  }

  @Test
  void eventsComeInTimeOrder() {
    OffsetDateTime previous = null;
    for (SimEvent event : all(World.create(SMALL).events())) {
      if (previous != null) {
        assertThat(event.occurredAt().toInstant()).isAfterOrEqualTo(previous.toInstant());
      }
      previous = event.occurredAt();
    }
  }

  @Test
  void everyLineIsValidOnTheWireAndIdsAreUniquePerSource() {
    PosLineEncoder encoder = new PosLineEncoder();
    Set<EventRef> ids = new HashSet<>();
    for (SimEvent event : all(World.create(SMALL).events())) {
      byte[] line = encoder.encode(event);
      assertThat(WireValidator.problems(line)).as(new String(line)).isEmpty();
      assertThat(ids.add(event.ref())).as("duplicate id %s", event.ref()).isTrue();
    }
  }

  @Test
  void aRetailWorldHappens() {
    List<SimEvent> events = all(World.create(SMALL).events());

    assertThat(events)
        .hasAtLeastOneElementOfType(Sale.class)
        .hasAtLeastOneElementOfType(Count.class)
        .hasAtLeastOneElementOfType(Receipt.class)
        .hasAtLeastOneElementOfType(StoreUpdate.class);
    assertThat(events)
        .filteredOn(e -> e instanceof Count c && c.key().locationId().startsWith("W"))
        .isNotEmpty();
    assertThat(events)
        .filteredOn(e -> e instanceof Receipt r && r.key().locationId().startsWith("W"))
        .as("supplier deliveries")
        .isNotEmpty();
    assertThat(events)
        .filteredOn(e -> e instanceof Adjustment a && a.reason().equals("transfer") && a.qty() < 0)
        .as("warehouse dispatches")
        .isNotEmpty();
    assertThat(events)
        .filteredOn(
            e ->
                e instanceof Adjustment a
                    && (a.reason().equals("shrink") || a.reason().equals("damage")))
        .isNotEmpty();
    assertThat(events)
        .filteredOn(e -> e instanceof Count c && c.onHand() < 0)
        .as("physical stock is never negative")
        .isEmpty();
    assertThat(events)
        .filteredOn(
            e ->
                e instanceof StoreUpdate u
                    && u.fields().keySet().containsAll(List.of(StoreField.values())))
        .as("every store is published in full on day one")
        .hasSize(5);
  }

  @Test
  void storesAreClosedOnHolidays() {
    List<SimEvent> events = all(World.create(SMALL).events());

    assertThat(events)
        .filteredOn(
            e -> e instanceof Sale && e.occurredAt().toLocalDate().equals(LocalDate.of(2026, 1, 1)))
        .isEmpty();
    assertThat(events)
        .filteredOn(
            e ->
                e instanceof StoreUpdate u
                    && "open".equals(u.fields().get(StoreField.STATUS))
                    && e.occurredAt().toLocalDate().equals(LocalDate.of(2026, 1, 2)))
        .as("reopening after new year")
        .hasSize(5);
  }

  @Test
  void weekdaySeasonalityShowsInSales() {
    List<SimEvent> events =
        all(World.create(new WorldSpec(1, 5, 100, 56, WorldSpec.DEFAULT_START)).events());
    long saturdays =
        events.stream()
            .filter(e -> e instanceof Sale && e.occurredAt().getDayOfWeek().getValue() == 6)
            .count();
    long sundays =
        events.stream()
            .filter(e -> e instanceof Sale && e.occurredAt().getDayOfWeek().getValue() == 7)
            .count();

    assertThat(saturdays).isGreaterThan(2 * sundays);
  }

  @Test
  void firstEventsExtendsDaysUntilEnoughEventsExist() {
    WorldSpec oneDay =
        new WorldSpec(SMALL.seed(), SMALL.stores(), SMALL.products(), 1, SMALL.start());
    long oneDayCount = all(World.create(oneDay).events()).size();

    assertThat(all(World.create(oneDay).firstEvents(oneDayCount * 3)))
        .hasSize((int) oneDayCount * 3);
    assertThat(all(World.create(SMALL).firstEvents(10))).hasSize(10);
  }
}
