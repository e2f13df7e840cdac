package io.shelfstream.simulations.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The stores and the warehouses that replenish them; about one warehouse per five stores. */
public record Network(List<StoreSite> stores, List<Warehouse> warehouses) {

  static final int STORES_PER_WAREHOUSE = 5;

  public Network {
    stores = List.copyOf(stores);
    warehouses = List.copyOf(warehouses);
  }

  static Network generate(int storeCount, String sitePrefix, SplittableRandom random) {
    int warehouseCount = (storeCount + STORES_PER_WAREHOUSE - 1) / STORES_PER_WAREHOUSE;
    List<StoreSite> stores = new ArrayList<>(storeCount);
    for (int i = 0; i < storeCount; i++) {
      City city = City.ALL.get(i % City.ALL.size());
      String district = city.districts().get((i / City.ALL.size()) % city.districts().size());
      String street = city.streets().get(random.nextInt(city.streets().size()));
      String address = (1 + random.nextInt(180)) + " " + street + ", " + city.name();
      double size = 0.6 + random.nextDouble() * 0.9;
      int tills = 2 + (int) Math.round(size * 4);
      stores.add(
          new StoreSite(
              i,
              sitePrefix + String.format("S%03d", i + 1),
              city,
              district,
              address,
              i / STORES_PER_WAREHOUSE,
              size,
              tills));
    }
    List<Warehouse> warehouses = new ArrayList<>(warehouseCount);
    for (int w = 0; w < warehouseCount; w++) {
      // a warehouse sits in the region of the first store it serves
      warehouses.add(
          new Warehouse(
              w,
              sitePrefix + String.format("W%02d", w + 1),
              stores.get(w * STORES_PER_WAREHOUSE).zone()));
    }
    return new Network(stores, warehouses);
  }
}
