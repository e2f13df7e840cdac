package io.shelfstream.simulations.world;

import java.time.ZoneId;

/** Anywhere stock is kept and counted. */
public sealed interface Site permits StoreSite, Warehouse {

  String locationId();

  ZoneId zone();
}
