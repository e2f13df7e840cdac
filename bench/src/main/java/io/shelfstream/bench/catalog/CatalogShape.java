package io.shelfstream.bench.catalog;

/**
 * The size of a retailer's catalog as the high-cardinality bench sees it: how many locations, how
 * many SKUs each carries, how many POS events to draw over them, and how skewed their popularity is
 * (a Zipf exponent: 0 is uniform, 1 is classic Zipf).
 */
public record CatalogShape(
    int locations, int skus, int events, double skuSkew, double locationSkew, long seed) {

  public CatalogShape {
    if (locations < 1 || skus < 1 || events < 1) {
      throw new IllegalArgumentException(
          "locations, SKUs and events must be at least 1, got "
              + locations
              + ", "
              + skus
              + ", "
              + events);
    }
    if (skuSkew < 0 || locationSkew < 0) {
      throw new IllegalArgumentException("skews are Zipf exponents, 0 or more");
    }
  }

  public long possibleRecords() {
    return (long) locations * skus;
  }

  public static String locationId(int location) {
    return "L" + String.format("%04d", location);
  }

  public static String sku(int sku) {
    return "SKU-" + String.format("%06d", sku);
  }
}
