package io.shelfstream.simulations.world;

import java.time.LocalDate;

/**
 * Chain-wide promotions: in any week a product may run one promotion of a few days with a demand
 * uplift and a 20% discount. Decided by hashing (seed, product, week), so that the calendar of
 * promotions needs no memory however many days are simulated.
 */
final class Promotions {

  private static final double WEEKLY_PROMOTION_CHANCE = 0.08;

  private final long seed;

  Promotions(long seed) {
    this.seed = seed;
  }

  /** 1.0 outside a promotion, the uplift (1.5 to 3.0) inside one. */
  double uplift(Product product, LocalDate date) {
    long epochDay = date.toEpochDay();
    long week = Math.floorDiv(epochDay, 7);
    long h = Mix.hash(seed, 0x50524F4DL, product.index(), week);
    if (Mix.unit(h) >= WEEKLY_PROMOTION_CHANCE) {
      return 1.0;
    }
    int startOffset = (int) ((h >>> 8) & 3);
    int length = 3 + (int) ((h >>> 16) % 4);
    long dayOfWeek = epochDay - week * 7;
    if (dayOfWeek < startOffset || dayOfWeek >= startOffset + length) {
      return 1.0;
    }
    return 1.5 + Mix.unit(Mix.hash(h)) * 1.5;
  }

  long priceCents(Product product, LocalDate date) {
    return uplift(product, date) > 1.0 ? product.priceCents() * 8 / 10 : product.priceCents();
  }
}
