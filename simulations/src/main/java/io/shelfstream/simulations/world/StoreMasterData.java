package io.shelfstream.simulations.world;

import io.shelfstream.simulations.event.SimEvent.StoreUpdate;
import io.shelfstream.simulations.event.StoreField;
import io.shelfstream.simulations.wire.WireTime;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Store master data over time. Head office (erp) publishes the full record on the first day, closes
 * and reopens stores around holidays, and now and then renames or moves a store; store managers
 * (pos) edit names and addresses locally and sometimes set the timezone as a bare offset, which
 * head office puts back to the IANA zone the next day.
 */
final class StoreMasterData {

  private static final int ERP_WINDOW_START = 5 * 3600;
  private static final String[] LOCAL_SUFFIXES = {"Mall", "Centre", "Express", "City", "Outlet"};

  private final String[] district;
  private final String[] address;
  private final boolean[] closed;
  private final boolean[] timezoneToRestore;
  private final EventIds ids;

  StoreMasterData(Network network, EventIds ids) {
    int stores = network.stores().size();
    this.district = new String[stores];
    this.address = new String[stores];
    this.closed = new boolean[stores];
    this.timezoneToRestore = new boolean[stores];
    this.ids = ids;
    for (StoreSite store : network.stores()) {
      district[store.index()] = store.district();
      address[store.index()] = store.address();
    }
  }

  void simulate(StoreSite store, DayKind kind, DayContext day) {
    int s = store.index();
    LocalClock clock = LocalClock.of(store.zone(), day.date());
    SplittableRandom random = day.random();
    Map<StoreField, String> erp = new EnumMap<>(StoreField.class);
    if (day.dayIndex() == 0) {
      erp.put(StoreField.NAME, store.nameIn(district[s]));
      erp.put(StoreField.ADDRESS, address[s]);
      erp.put(StoreField.TIMEZONE, store.zone().getId());
      erp.put(StoreField.STATUS, kind == DayKind.CLOSED ? "closed" : "open");
      closed[s] = kind == DayKind.CLOSED;
    } else if ((kind == DayKind.CLOSED) != closed[s]) {
      closed[s] = kind == DayKind.CLOSED;
      erp.put(StoreField.STATUS, closed[s] ? "closed" : "open");
    }
    if (timezoneToRestore[s]) {
      erp.put(StoreField.TIMEZONE, store.zone().getId());
      timezoneToRestore[s] = false;
    }
    if (random.nextDouble() < 0.003) {
      district[s] = store.city().districts().get(random.nextInt(store.city().districts().size()));
      erp.put(StoreField.NAME, store.nameIn(district[s]));
    }
    if (random.nextDouble() < 0.002) {
      String street = store.city().streets().get(random.nextInt(store.city().streets().size()));
      address[s] = (1 + random.nextInt(180)) + " " + street + ", " + store.city().name();
      erp.put(StoreField.ADDRESS, address[s]);
    }
    if (!erp.isEmpty()) {
      publish(Sources.ERP, clock.at(ERP_WINDOW_START + random.nextInt(1800)), store, erp, day);
    }
    if (closed[s]) {
      return;
    }
    Map<StoreField, String> pos = new EnumMap<>(StoreField.class);
    if (random.nextDouble() < 0.01) {
      pos.put(
          StoreField.NAME,
          store.nameIn(district[s])
              + " ("
              + LOCAL_SUFFIXES[random.nextInt(LOCAL_SUFFIXES.length)]
              + ")");
    }
    if (random.nextDouble() < 0.004) {
      pos.put(StoreField.ADDRESS, address[s] + ", unit " + (1 + random.nextInt(40)));
    }
    if (random.nextDouble() < 0.002) {
      pos.put(StoreField.TIMEZONE, WireTime.explicitOffset(clock.offset()));
      timezoneToRestore[s] = true;
    }
    if (!pos.isEmpty()) {
      publish(Sources.POS, clock.at(9 * 3600 + random.nextInt(11 * 3600)), store, pos, day);
    }
  }

  private void publish(
      String source,
      OffsetDateTime at,
      StoreSite store,
      Map<StoreField, String> fields,
      DayContext day) {
    day.out().add(new StoreUpdate(ids.next("m"), source, at, store.storeId(), fields));
  }
}
