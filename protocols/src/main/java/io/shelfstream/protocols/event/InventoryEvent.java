package io.shelfstream.protocols.event;

/** An event about the stock of one SKU at one location. */
public sealed interface InventoryEvent extends RetailEvent permits StockCount, StockMovement {
  InventoryKey key();

  @Override
  default String entityId() {
    return key().entityId();
  }
}
