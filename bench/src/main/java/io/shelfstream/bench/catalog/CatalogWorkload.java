package io.shelfstream.bench.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded stream of POS events over a large catalog whose SKU and location popularity follow Zipf
 * exponents (0 uniform, 1 classic Zipf), drawn once into flat arrays so that every target of a run
 * replays exactly the same events. Same sizes and seed, same events.
 */
public final class CatalogWorkload {
  /** What a till records: a void (a sale cancelled) travels as an adjustment with reason void. */
  enum Kind {
    SALE("sale", -1),
    RETURN("return", 1),
    VOID("adjustment", 1);

    final String wireType;
    final int sign;

    Kind(String wireType, int sign) {
      this.wireType = wireType;
      this.sign = sign;
    }
  }

  /** A golden record as the workload's own sums say it must end: on-hand from zero, movements. */
  public record Expected(String locationId, String sku, long onHand, int movements) {}

  private final int skuCount;
  private final long seed;
  private final String[] locationIds;
  private final String[] skuIds;
  private final int[] locations;
  private final int[] skus;
  private final byte[] kinds;
  private final byte[] quantities;

  private CatalogWorkload(int locationCount, int skuCount, long seed, int events) {
    this.skuCount = skuCount;
    this.seed = seed;
    // made once: encoding a line then allocates nothing but the line
    this.locationIds = new String[locationCount];
    Arrays.setAll(locationIds, location -> String.format("L%04d", location));
    this.skuIds = new String[skuCount];
    Arrays.setAll(skuIds, sku -> String.format("SKU-%06d", sku));
    this.locations = new int[events];
    this.skus = new int[events];
    this.kinds = new byte[events];
    this.quantities = new byte[events];
  }

  public static CatalogWorkload skewed(
      int locations, int skus, int events, double skuSkew, double locationSkew, long seed) {
    var workload = new CatalogWorkload(locations, skus, seed, events);
    SplittableRandom random = new SplittableRandom(seed);
    // the most popular SKUs and stores are spread over the ids, not the first ones
    int[] skuOfRank = permutation(skus, random);
    int[] locationOfRank = permutation(locations, random);
    double[] skuZipf = zipf(skus, skuSkew);
    double[] locationZipf = zipf(locations, locationSkew);
    for (int i = 0; i < events; i++) {
      workload.locations[i] = locationOfRank[pick(locationZipf, random)];
      workload.skus[i] = skuOfRank[pick(skuZipf, random)];
      int percentile = random.nextInt(100); // 85% sales, 10% returns, 5% voids
      workload.kinds[i] = (byte) (percentile < 85 ? 0 : percentile < 95 ? 1 : 2);
      // most baskets take one or two of a SKU
      workload.quantities[i] = (byte) (random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(4));
    }
    return workload;
  }

  /** Cumulative probabilities of ranks 0..n-1, each proportional to 1/(rank+1)^exponent. */
  private static double[] zipf(int n, double exponent) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int rank = 0; rank < n; rank++) {
      sum += 1.0 / Math.pow(rank + 1, exponent);
      cumulative[rank] = sum;
    }
    for (int rank = 0; rank < n; rank++) {
      cumulative[rank] /= sum;
    }
    return cumulative;
  }

  private static int pick(double[] cumulative, SplittableRandom random) {
    int found = Arrays.binarySearch(cumulative, random.nextDouble());
    return Math.min(found >= 0 ? found : -found - 1, cumulative.length - 1);
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  public int size() {
    return locations.length;
  }

  public long seed() {
    return seed;
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

  Kind kind(int event) {
    return Kind.values()[kinds[event]];
  }

  int quantity(int event) {
    return quantities[event];
  }

  /** The change the event makes to its record's on-hand units. */
  public int delta(int event) {
    return kind(event).sign * quantity(event);
  }

  private long recordKey(int event) {
    return (long) locations[event] * skuCount + skus[event];
  }

  /** How many distinct SKU-location records the events touch. */
  public long distinctRecords() {
    BitSet seen = new BitSet();
    for (int i = 0; i < size(); i++) {
      seen.set(Math.toIntExact(recordKey(i)));
    }
    return seen.cardinality();
  }

  /**
   * The cheap correctness check of a run: up to {@code size} records, drawn through events (so
   * popular ones are likelier), with what they must hold.
   */
  public List<Expected> sample(int size, long sampleSeed) {
    SplittableRandom random = new SplittableRandom(sampleSeed);
    Map<Long, int[]> sums = new LinkedHashMap<>(); // first event, on hand, movements
    for (int i = 0; i < size; i++) {
      int event = random.nextInt(size());
      sums.putIfAbsent(recordKey(event), new int[] {event, 0, 0});
    }
    for (int event = 0; event < size(); event++) {
      int[] sum = sums.get(recordKey(event));
      if (sum != null) {
        sum[1] += delta(event);
        sum[2]++;
      }
    }
    List<Expected> expected = new ArrayList<>();
    sums.values()
        .forEach(s -> expected.add(new Expected(locationId(s[0]), skuId(s[0]), s[1], s[2])));
    return expected;
  }
}
