package io.shelfstream.simulations.world;

import io.shelfstream.simulations.event.SimEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What every site simulation needs for one day: the date, the day's randomness, the per-product
 * promotion state computed once for the day, and the list the day's events go to.
 */
record DayContext(
    int dayIndex,
    LocalDate date,
    SplittableRandom random,
    double[] upliftByProduct,
    long[] priceByProduct,
    List<SimEvent> out) {

  /** Every site counts each SKU once a week, spread over the weekdays. */
  boolean dueForCount(int siteOrdinal, int productIndex) {
    return Math.floorMod(siteOrdinal * 3L + productIndex - dayIndex, 7L) == 0;
  }
}
