package io.shelfstream.simulations.world;

import java.time.LocalDate;

/**
 * The sizes and seed of a world. The same spec always yields the same event stream.
 *
 * @param days how many days to simulate; the stream is unbounded when days is {@link #UNBOUNDED} (a
 *     caller then stops after a number of events)
 */
public record WorldSpec(long seed, int stores, int products, int days, LocalDate start) {

  public static final int UNBOUNDED = Integer.MAX_VALUE;
  public static final LocalDate DEFAULT_START = LocalDate.of(2026, 1, 1);

  public WorldSpec {
    require(stores >= 1 && stores <= 999, "stores must be between 1 and 999, got " + stores);
    require(
        products >= 1 && products <= 999_999,
        "products must be between 1 and 999999, got " + products);
    require(days >= 1, "days must be at least 1, got " + days);
  }

  public WorldSpec withDays(int newDays) {
    return new WorldSpec(seed, stores, products, newDays, start);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
