package io.shelfstream.simulations.world;

import java.time.ZoneId;

/**
 * A store: a location with its own stock and its own master data.
 *
 * @param size demand multiplier relative to an average store
 * @param warehouseIndex the warehouse that replenishes this store
 */
public record StoreSite(
    int index,
    String storeId,
    City city,
    String district,
    String address,
    int warehouseIndex,
    double size,
    int tills)
    implements Site {

  @Override
  public String locationId() {
    return storeId;
  }

  @Override
  public ZoneId zone() {
    return city.zone();
  }

  public String name() {
    return nameIn(district);
  }

  String nameIn(String someDistrict) {
    return "Shelf " + city.name() + " " + someDistrict;
  }
}
