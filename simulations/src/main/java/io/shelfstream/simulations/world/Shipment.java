package io.shelfstream.simulations.world;

/** Goods on their way to a site: from a supplier to a warehouse, or from a warehouse to a store. */
record Shipment(int siteIndex, int productIndex, long qty) {}
