package io.shelfstream.simulations.world;

import java.util.SplittableRandom;

/** How much a store sells: the product's popularity times store size and the day's factors. */
final class Demand {

  /** Most lines sell one unit: the mean of {@link #lineQuantity}. */
  static final double MEAN_UNITS_PER_LINE = 1.3;

  private Demand() {}

  static double expectedUnitsPerDay(StoreSite store, Product product) {
    return product.dailyLines() * store.size() * MEAN_UNITS_PER_LINE;
  }

  static int lineQuantity(SplittableRandom random) {
    double u = random.nextDouble();
    if (u < 0.8) {
      return 1;
    }
    return u < 0.95 ? 2 : 3 + random.nextInt(4);
  }

  /** Poisson by multiplication for small means, normal approximation above. */
  static int poisson(double mean, SplittableRandom random) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      double gaussian =
          Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
              * Math.cos(2 * Math.PI * random.nextDouble());
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      n++;
      product *= random.nextDouble();
    }
    return n;
  }
}
