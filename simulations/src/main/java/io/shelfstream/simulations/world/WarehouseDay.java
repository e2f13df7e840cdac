package io.shelfstream.simulations.world;

import io.shelfstream.simulations.event.SimEvent.Adjustment;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.Receipt;
import io.shelfstream.simulations.event.StockKey;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One warehouse day. Morning: cycle counts (before anything moves), supplier receipts, damage.
 * Evening: the stores' orders of the day are picked and dispatched; the dispatch is an adjustment
 * with reason {@code transfer} (the wire has no transfer type) and the store records the matching
 * receipt when the truck arrives the next morning.
 */
final class WarehouseDay {

  /** Warehouses get ordinals after the stores so their count days differ from their stores'. */
  private static final int ORDINAL_OFFSET = 1000;

  private static final int COUNT_WINDOW_START = 3 * 3600;
  private static final int SUPPLIER_WINDOW_START = 5 * 3600;
  private static final int DISPATCH_WINDOW_START = 21 * 3600;
  private static final double DAMAGE = 0.001;

  private final World world;
  private final StockLedger ledger;
  private final InTransit transit;
  private final EventIds ids;
  private final double[][] unitsPerDay;

  WarehouseDay(World world, StockLedger ledger, InTransit transit, EventIds ids) {
    this.world = world;
    this.ledger = ledger;
    this.transit = transit;
    this.ids = ids;
    this.unitsPerDay = new double[world.network().warehouses().size()][world.catalog().size()];
    for (StoreSite store : world.network().stores()) {
      for (Product product : world.catalog().products()) {
        unitsPerDay[store.warehouseIndex()][product.index()] +=
            Demand.expectedUnitsPerDay(store, product);
      }
    }
  }

  double unitsPerDay(int warehouseIndex, int productIndex) {
    return unitsPerDay[warehouseIndex][productIndex];
  }

  void morning(Warehouse warehouse, List<Shipment> supplierArrivals, DayContext day) {
    LocalClock clock = LocalClock.of(warehouse.zone(), day.date());
    long[] physical = ledger.warehousePhysical[warehouse.index()];
    for (int p = 0; p < physical.length; p++) {
      if (day.dueForCount(ORDINAL_OFFSET + warehouse.index(), p)) {
        int at = COUNT_WINDOW_START + day.random().nextInt(2700);
        day.out()
            .add(
                new Count(
                    ids.next("c"), Sources.WMS, clock.at(at), key(warehouse, p), physical[p]));
      }
    }
    for (Shipment shipment : supplierArrivals) {
      int p = shipment.productIndex();
      physical[p] += shipment.qty();
      ledger.warehouseOnOrder[warehouse.index()][p] = 0;
      int at = SUPPLIER_WINDOW_START + day.random().nextInt(3600);
      day.out()
          .add(
              new Receipt(
                  ids.next("rc"), Sources.WMS, clock.at(at), key(warehouse, p), shipment.qty()));
    }
    for (int p = 0; p < physical.length; p++) {
      if (physical[p] > 0 && day.random().nextDouble() < DAMAGE) {
        long damaged = Math.min(physical[p], 1 + day.random().nextInt(5));
        physical[p] -= damaged;
        int at = 10 * 3600 + day.random().nextInt(6 * 3600);
        day.out()
            .add(
                new Adjustment(
                    ids.next("a"),
                    Sources.WMS,
                    clock.at(at),
                    key(warehouse, p),
                    -damaged,
                    "damage"));
      }
      reorderFromSupplier(warehouse, world.catalog().get(p), day);
    }
  }

  void evening(Warehouse warehouse, List<StoreOrder> orders, DayContext day) {
    LocalClock clock = LocalClock.of(warehouse.zone(), day.date());
    long[] physical = ledger.warehousePhysical[warehouse.index()];
    for (StoreOrder order : orders) {
      StoreSite store = world.network().stores().get(order.storeIndex());
      if (store.warehouseIndex() != warehouse.index()) {
        continue;
      }
      int p = order.productIndex();
      long shipped = Math.min(order.qty(), physical[p]);
      ledger.storeOnOrder[order.storeIndex()][p] = shipped;
      if (shipped == 0) {
        continue;
      }
      physical[p] -= shipped;
      OffsetDateTime at = clock.at(DISPATCH_WINDOW_START + day.random().nextInt(3600));
      day.out()
          .add(
              new Adjustment(
                  ids.next("a"), Sources.WMS, at, key(warehouse, p), -shipped, "transfer"));
      transit.toStore(day.dayIndex() + 1, new Shipment(order.storeIndex(), p, shipped));
    }
  }

  /** Keep three weeks of the region's demand; suppliers deliver in two to four days. */
  private void reorderFromSupplier(Warehouse warehouse, Product product, DayContext day) {
    int w = warehouse.index();
    int p = product.index();
    double units = unitsPerDay[w][p];
    if (ledger.warehouseOnOrder[w][p] > 0
        || ledger.warehousePhysical[w][p] > Math.ceil(units * 7)) {
      return;
    }
    long pallet = product.casePack() * 10L;
    long qty = Math.max(pallet, ((long) Math.ceil(units * 21) + pallet - 1) / pallet * pallet);
    ledger.warehouseOnOrder[w][p] = qty;
    int arrival = day.dayIndex() + 2 + day.random().nextInt(3);
    transit.toWarehouse(arrival, new Shipment(w, p, qty));
  }

  private StockKey key(Warehouse warehouse, int productIndex) {
    return new StockKey(warehouse.locationId(), world.catalog().get(productIndex).sku());
  }
}
