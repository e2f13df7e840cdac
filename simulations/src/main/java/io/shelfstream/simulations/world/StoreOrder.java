package io.shelfstream.simulations.world;

/** A store's replenishment order to its warehouse, shipped the same evening. */
record StoreOrder(int storeIndex, int productIndex, long qty) {}
