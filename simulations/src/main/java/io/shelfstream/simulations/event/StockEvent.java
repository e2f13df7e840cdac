package io.shelfstream.simulations.event;

/** An event about the stock of one SKU at one location. */
public sealed interface StockEvent extends SimEvent permits Count, Movement {

  StockKey key();

  @Override
  default String routingKey() {
    return key().locationId();
  }
}
