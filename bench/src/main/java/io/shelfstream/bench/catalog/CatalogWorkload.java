package io.shelfstream.bench.catalog;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * A seeded stream of POS events over a large catalog, drawn once into flat arrays so that every
 * target of a run replays exactly the same events, and encoding them costs no allocation beyond the
 * line itself. Same shape and seed, same events.
 */
public final class CatalogWorkload {
  private final CatalogShape shape;
  private final int[] locations;
  private final int[] skus;
  private final byte[] kinds;
  private final byte[] quantities;
  private final String[] locationIds;
  private final String[] skuIds;

  private CatalogWorkload(
      CatalogShape shape, int[] locations, int[] skus, byte[] kinds, byte[] quantities) {
    this.shape = shape;
    this.locations = locations;
    this.skus = skus;
    this.kinds = kinds;
    this.quantities = quantities;
    this.locationIds = new String[shape.locations()];
    Arrays.setAll(locationIds, CatalogShape::locationId);
    this.skuIds = new String[shape.skus()];
    Arrays.setAll(skuIds, CatalogShape::sku);
  }

  /** Events whose SKU and location follow the shape's Zipf skews. */
  public static CatalogWorkload skewed(CatalogShape shape) {
    SplittableRandom random = new SplittableRandom(shape.seed());
    // the most popular SKUs and stores are spread over the ids, not the first ones
    int[] skuOfRank = permutation(shape.skus(), random);
    int[] locationOfRank = permutation(shape.locations(), random);
    ZipfPicker skuPicker = new ZipfPicker(shape.skus(), shape.skuSkew());
    ZipfPicker locationPicker = new ZipfPicker(shape.locations(), shape.locationSkew());
    int n = shape.events();
    int[] locations = new int[n];
    int[] skus = new int[n];
    byte[] kinds = new byte[n];
    byte[] quantities = new byte[n];
    for (int i = 0; i < n; i++) {
      locations[i] = locationOfRank[locationPicker.pick(random)];
      skus[i] = skuOfRank[skuPicker.pick(random)];
      kinds[i] = (byte) PosKind.ofPercentile(random.nextInt(100)).ordinal();
      // most baskets take one or two of a SKU
      quantities[i] = (byte) (random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(4));
    }
    return new CatalogWorkload(shape, locations, skus, kinds, quantities);
  }

  /**
   * Every event a record not seen before, location by location in turn: for the memory run, whose
   * marks count distinct records. {@code shape.events()} at most locations × SKUs.
   */
  public static CatalogWorkload everyRecordOnce(CatalogShape shape) {
    if (shape.events() > shape.possibleRecords()) {
      throw new IllegalArgumentException(
          shape.events() + " new records do not fit in " + shape.possibleRecords());
    }
    SplittableRandom random = new SplittableRandom(shape.seed());
    int n = shape.events();
    int[] locations = new int[n];
    int[] skus = new int[n];
    byte[] kinds = new byte[n];
    byte[] quantities = new byte[n];
    for (int i = 0; i < n; i++) {
      locations[i] = i % shape.locations();
      skus[i] = i / shape.locations();
      kinds[i] = (byte) PosKind.ofPercentile(random.nextInt(100)).ordinal();
      quantities[i] = (byte) (1 + random.nextInt(3));
    }
    return new CatalogWorkload(shape, locations, skus, kinds, quantities);
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  public CatalogShape shape() {
    return shape;
  }

  public int size() {
    return locations.length;
  }

  public int location(int event) {
    return locations[event];
  }

  public int sku(int event) {
    return skus[event];
  }

  public String locationId(int event) {
    return locationIds[locations[event]];
  }

  public String skuId(int event) {
    return skuIds[skus[event]];
  }

  PosKind kind(int event) {
    return PosKind.values()[kinds[event]];
  }

  int quantity(int event) {
    return quantities[event];
  }

  /** The change the event makes to its record's on-hand units. */
  public int delta(int event) {
    return kind(event).sign * quantity(event);
  }

  /** A distinct record's key as one number: location × SKUs + SKU. */
  public long recordKey(int event) {
    return (long) locations[event] * shape.skus() + skus[event];
  }

  /** How many distinct SKU-location records the events touch. */
  public long distinctRecords() {
    BitSet seen = new BitSet();
    long distinct = 0;
    // a BitSet is indexed by int: 2^31 records is far beyond any shape here
    for (int i = 0; i < size(); i++) {
      int key = Math.toIntExact(recordKey(i));
      if (!seen.get(key)) {
        seen.set(key);
        distinct++;
      }
    }
    return distinct;
  }
}
