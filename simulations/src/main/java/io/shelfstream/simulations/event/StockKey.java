package io.shelfstream.simulations.event;

/** One SKU at one location (a store or a warehouse): the identity of an inventory record. */
public record StockKey(String locationId, String sku) implements Comparable<StockKey> {

  @Override
  public int compareTo(StockKey other) {
    int byLocation = locationId.compareTo(other.locationId);
    return byLocation != 0 ? byLocation : sku.compareTo(other.sku);
  }

  @Override
  public String toString() {
    return locationId + "/" + sku;
  }
}
