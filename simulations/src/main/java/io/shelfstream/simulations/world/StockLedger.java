package io.shelfstream.simulations.world;

/**
 * The true physical stock of every site, and what each site has on order. Physical stock is what a
 * count finds; it differs from the node's book stock through unrecorded shrink and unscanned
 * deliveries, exactly as in a real store.
 */
final class StockLedger {

  final long[][] storePhysical;
  final long[][] storeOnOrder;
  final long[][] warehousePhysical;
  final long[][] warehouseOnOrder;

  StockLedger(int stores, int warehouses, int products) {
    storePhysical = new long[stores][products];
    storeOnOrder = new long[stores][products];
    warehousePhysical = new long[warehouses][products];
    warehouseOnOrder = new long[warehouses][products];
  }
}
