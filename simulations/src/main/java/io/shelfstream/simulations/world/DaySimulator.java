package io.shelfstream.simulations.world;

import io.shelfstream.simulations.event.SimEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates the world one day at a time and returns each day's events in time order. Only the
 * physical state and the shipments in transit carry over between days, so memory is bounded by the
 * number of sites and products, never by the number of days.
 */
final class DaySimulator {

  /** By instant; the sort is stable, so ties keep the (deterministic) order of generation. */
  private static final Comparator<SimEvent> BY_INSTANT =
      Comparator.<SimEvent>comparingLong(e -> e.occurredAt().toEpochSecond())
          .thenComparingInt(e -> e.occurredAt().getNano());

  private final World world;
  private final StockLedger ledger;
  private final InTransit transit = new InTransit();
  private final List<StoreOrder> ordersToday = new ArrayList<>();
  private final StoreDay storeDay;
  private final WarehouseDay warehouseDay;
  private final StoreMasterData masterData;

  DaySimulator(World world) {
    this.world = world;
    Network network = world.network();
    this.ledger =
        new StockLedger(
            network.stores().size(), network.warehouses().size(), world.catalog().size());
    EventIds ids = new EventIds();
    this.storeDay = new StoreDay(world, ledger, ids, ordersToday);
    this.warehouseDay = new WarehouseDay(world, ledger, transit, ids);
    this.masterData = new StoreMasterData(network, ids);
    stockOpeningInventory();
  }

  /**
   * Stores open with about eight days of stock, warehouses with three weeks of their region's
   * demand.
   */
  private void stockOpeningInventory() {
    for (StoreSite store : world.network().stores()) {
      for (Product product : world.catalog().products()) {
        ledger.storePhysical[store.index()][product.index()] =
            Math.round(Demand.expectedUnitsPerDay(store, product) * 8) + product.casePack();
      }
    }
    for (Warehouse warehouse : world.network().warehouses()) {
      for (Product product : world.catalog().products()) {
        ledger.warehousePhysical[warehouse.index()][product.index()] =
            Math.round(warehouseDay.unitsPerDay(warehouse.index(), product.index()) * 21);
      }
    }
  }

  List<SimEvent> simulate(int dayIndex) {
    List<SimEvent> out = new ArrayList<>();
    DayContext day = context(dayIndex, out);
    List<Shipment> supplierArrivals = transit.warehouseArrivals(dayIndex);
    for (Warehouse warehouse : world.network().warehouses()) {
      warehouseDay.morning(warehouse, siteArrivals(supplierArrivals, warehouse.index()), day);
    }
    List<Shipment> storeArrivals = transit.storeArrivals(dayIndex);
    ordersToday.clear();
    for (StoreSite store : world.network().stores()) {
      DayKind kind = world.calendar().kind(store, day.date());
      masterData.simulate(store, kind, day);
      List<Shipment> arrivals = siteArrivals(storeArrivals, store.index());
      if (kind == DayKind.CLOSED) {
        // deliveries wait for the store to reopen
        arrivals.forEach(shipment -> transit.toStore(dayIndex + 1, shipment));
      } else {
        storeDay.simulate(store, kind, arrivals, day);
      }
    }
    for (Warehouse warehouse : world.network().warehouses()) {
      warehouseDay.evening(warehouse, ordersToday, day);
    }
    out.sort(BY_INSTANT);
    return out;
  }

  private DayContext context(int dayIndex, List<SimEvent> out) {
    var date = world.spec().start().plusDays(dayIndex);
    int products = world.catalog().size();
    double[] uplift = new double[products];
    long[] price = new long[products];
    for (Product product : world.catalog().products()) {
      uplift[product.index()] = world.promotions().uplift(product, date);
      price[product.index()] = world.promotions().priceCents(product, date);
    }
    SplittableRandom random = new SplittableRandom(Mix.hash(world.spec().seed(), dayIndex));
    return new DayContext(dayIndex, date, random, uplift, price, out);
  }

  private static List<Shipment> siteArrivals(List<Shipment> arrivals, int siteIndex) {
    List<Shipment> mine = new ArrayList<>();
    for (Shipment shipment : arrivals) {
      if (shipment.siteIndex() == siteIndex) {
        mine.add(shipment);
      }
    }
    return mine;
  }
}
