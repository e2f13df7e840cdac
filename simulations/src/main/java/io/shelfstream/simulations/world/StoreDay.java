package io.shelfstream.simulations.world;

import io.shelfstream.simulations.event.SimEvent.Adjustment;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.Receipt;
import io.shelfstream.simulations.event.SimEvent.Return;
import io.shelfstream.simulations.event.SimEvent.Sale;
import io.shelfstream.simulations.event.StockKey;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One store's trading day: morning deliveries, cycle counts, then sales, returns and shrink in time
 * order, and replenishment orders at closing.
 */
final class StoreDay {

  private static final int DELIVERY_WINDOW_START = 6 * 3600;
  private static final int COUNT_WINDOW_START = 7 * 3600;
  private static final double UNSCANNED_DELIVERY = 0.01;
  private static final double RETURN_RATE = 0.03;
  private static final double DAMAGED_RETURN = 0.15;
  private static final double RECORDED_SHRINK = 0.004;
  private static final double HIDDEN_SHRINK = 0.002;
  private static final double FOUND_STOCK = 0.001;

  private final World world;
  private final StockLedger ledger;
  private final EventIds ids;
  private final List<StoreOrder> orders;
  private final int[] receivedAt;
  private final IntradayActions actions = new IntradayActions();

  StoreDay(World world, StockLedger ledger, EventIds ids, List<StoreOrder> orders) {
    this.world = world;
    this.ledger = ledger;
    this.ids = ids;
    this.orders = orders;
    this.receivedAt = new int[world.catalog().size()];
  }

  void simulate(StoreSite store, DayKind kind, Iterable<Shipment> arrivals, DayContext day) {
    LocalClock clock = LocalClock.of(store.zone(), day.date());
    Arrays.fill(receivedAt, -1);
    receive(store, arrivals, clock, day);
    count(store, clock, day);
    int opens = world.calendar().opensAtSecond(day.date(), kind);
    int closes = world.calendar().closesAtSecond(day.date(), kind);
    double dayFactor =
        world.calendar().weekdayFactor(day.date()) * kind.demandFactor() * store.size();
    for (Product product : world.catalog().products()) {
      trade(
          store,
          product,
          product.dailyLines() * dayFactor * day.upliftByProduct()[product.index()],
          opens,
          closes,
          clock,
          day);
      reorder(store, product, day);
    }
  }

  private void receive(
      StoreSite store, Iterable<Shipment> arrivals, LocalClock clock, DayContext day) {
    long[] physical = ledger.storePhysical[store.index()];
    for (Shipment shipment : arrivals) {
      int p = shipment.productIndex();
      physical[p] += shipment.qty();
      ledger.storeOnOrder[store.index()][p] = 0;
      if (day.random().nextDouble() < UNSCANNED_DELIVERY) {
        continue;
      }
      int at = DELIVERY_WINDOW_START + day.random().nextInt(3600);
      receivedAt[p] = at;
      day.out()
          .add(
              new Receipt(
                  ids.next("rc"), Sources.POS, clock.at(at), key(store, p), shipment.qty()));
    }
  }

  /**
   * A SKU received today is counted as it is shelved: the count includes the receipt it coincides
   * with.
   */
  private void count(StoreSite store, LocalClock clock, DayContext day) {
    long[] physical = ledger.storePhysical[store.index()];
    for (int p = 0; p < physical.length; p++) {
      if (day.dueForCount(store.index(), p)) {
        int at =
            receivedAt[p] >= 0 ? receivedAt[p] : COUNT_WINDOW_START + day.random().nextInt(2700);
        day.out()
            .add(new Count(ids.next("c"), Sources.POS, clock.at(at), key(store, p), physical[p]));
      }
    }
  }

  private void trade(
      StoreSite store,
      Product product,
      double meanLines,
      int opens,
      int closes,
      LocalClock clock,
      DayContext day) {
    SplittableRandom random = day.random();
    actions.clear();
    int span = closes - opens;
    for (int i = Demand.poisson(meanLines, random); i > 0; i--) {
      actions.add(opens + random.nextInt(span), IntradayActions.SALE, Demand.lineQuantity(random));
    }
    for (int i = Demand.poisson(meanLines * RETURN_RATE, random); i > 0; i--) {
      actions.add(opens + random.nextInt(span), IntradayActions.RETURN, 1);
    }
    if (random.nextDouble() < RECORDED_SHRINK) {
      actions.add(opens + random.nextInt(span), IntradayActions.SHRINK, 1 + random.nextInt(2));
    }
    if (random.nextDouble() < HIDDEN_SHRINK) {
      actions.add(opens + random.nextInt(span), IntradayActions.HIDDEN_SHRINK, 1);
    }
    if (random.nextDouble() < FOUND_STOCK) {
      actions.add(opens + random.nextInt(span), IntradayActions.FOUND_STOCK, 1 + random.nextInt(3));
    }
    if (actions.isEmpty()) {
      return;
    }
    actions.sortByTime();
    for (int i = 0; i < actions.size(); i++) {
      apply(store, product, actions.time(i), actions.kind(i), actions.qty(i), clock, day);
    }
  }

  private void apply(
      StoreSite store,
      Product product,
      int at,
      int kind,
      int qty,
      LocalClock clock,
      DayContext day) {
    long[] physical = ledger.storePhysical[store.index()];
    int p = product.index();
    StockKey key = key(store, p);
    SplittableRandom random = day.random();
    switch (kind) {
      case IntradayActions.SALE -> {
        long sold = Math.min(qty, physical[p]);
        if (sold > 0) {
          physical[p] -= sold;
          String till = store.storeId() + "-T" + (1 + random.nextInt(store.tills()));
          day.out()
              .add(
                  new Sale(
                      ids.next("s"),
                      Sources.POS,
                      clock.at(at),
                      key,
                      sold,
                      day.priceByProduct()[p],
                      "store",
                      till));
        }
      }
      case IntradayActions.RETURN -> {
        physical[p] += qty;
        day.out().add(new Return(ids.next("r"), Sources.POS, clock.at(at), key, qty));
        if (random.nextDouble() < DAMAGED_RETURN) {
          physical[p] -= qty;
          day.out()
              .add(
                  new Adjustment(
                      ids.next("a"),
                      Sources.POS,
                      clock.at(Math.min(at + 300, 86_399)),
                      key,
                      -qty,
                      "damage"));
        }
      }
      case IntradayActions.SHRINK -> {
        long lost = Math.min(qty, physical[p]);
        if (lost > 0) {
          physical[p] -= lost;
          String reason = random.nextInt(5) < 3 ? "shrink" : "damage";
          day.out()
              .add(new Adjustment(ids.next("a"), Sources.POS, clock.at(at), key, -lost, reason));
        }
      }
      case IntradayActions.HIDDEN_SHRINK -> physical[p] = Math.max(0, physical[p] - qty);
      case IntradayActions.FOUND_STOCK -> {
        physical[p] += qty;
        day.out()
            .add(new Adjustment(ids.next("a"), Sources.POS, clock.at(at), key, qty, "correction"));
      }
      default -> throw new IllegalStateException("unknown intraday action " + kind);
    }
  }

  /** Order up to ten days of stock when three days are left; the warehouse ships tonight. */
  private void reorder(StoreSite store, Product product, DayContext day) {
    int s = store.index();
    int p = product.index();
    if (ledger.storeOnOrder[s][p] > 0) {
      return;
    }
    double units = Demand.expectedUnitsPerDay(store, product);
    long physical = ledger.storePhysical[s][p];
    if (physical > Math.ceil(units * 3)) {
      return;
    }
    long wanted = Math.max(1, (long) Math.ceil(units * 10) - physical);
    long qty = (wanted + product.casePack() - 1) / product.casePack() * product.casePack();
    ledger.storeOnOrder[s][p] = qty;
    orders.add(new StoreOrder(s, p, qty));
  }

  private StockKey key(StoreSite store, int productIndex) {
    return new StockKey(store.storeId(), world.catalog().get(productIndex).sku());
  }
}
