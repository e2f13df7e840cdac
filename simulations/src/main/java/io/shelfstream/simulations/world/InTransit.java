package io.shelfstream.simulations.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shipments by arrival day, for stores and warehouses separately. Memory stays bounded: a day's
 * shipments are removed when that day is simulated.
 */
final class InTransit {

  private final Map<Integer, List<Shipment>> toStores = new HashMap<>();
  private final Map<Integer, List<Shipment>> toWarehouses = new HashMap<>();

  void toStore(int arrivalDay, Shipment shipment) {
    toStores.computeIfAbsent(arrivalDay, day -> new ArrayList<>()).add(shipment);
  }

  void toWarehouse(int arrivalDay, Shipment shipment) {
    toWarehouses.computeIfAbsent(arrivalDay, day -> new ArrayList<>()).add(shipment);
  }

  /** Removes and returns the shipments reaching stores on {@code day}. */
  List<Shipment> storeArrivals(int day) {
    List<Shipment> arriving = toStores.remove(day);
    return arriving == null ? List.of() : arriving;
  }

  List<Shipment> warehouseArrivals(int day) {
    List<Shipment> arriving = toWarehouses.remove(day);
    return arriving == null ? List.of() : arriving;
  }
}
