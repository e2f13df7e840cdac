package io.shelfstream.simulations.world;

import java.time.ZoneId;

/** A distribution centre: a stock location that receives from suppliers and ships to stores. */
public record Warehouse(int index, String locationId, ZoneId zone) implements Site {}
