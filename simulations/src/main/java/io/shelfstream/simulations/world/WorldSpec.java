package io.shelfstream.simulations.world;

import java.time.LocalDate;

/**
 * The sizes and seed of a world. The same spec always yields the same event stream.
 *
 * @param days how many days to simulate; the stream is unbounded when days is {@link #UNBOUNDED} (a
 *     caller then stops after a number of events)
 * @param sitePrefix put before every store's and warehouse's id: the same world's life on sites of
 *     other names (empty for the usual S001, W01)
 */
public record WorldSpec(
    long seed, int stores, int products, int days, LocalDate start, String sitePrefix) {

  public static final int UNBOUNDED = Integer.MAX_VALUE;
  public static final LocalDate DEFAULT_START = LocalDate.of(2026, 1, 1);

  public WorldSpec {
    require(stores >= 1 && stores <= 999, "stores must be between 1 and 999, got " + stores);
    require(
        products >= 1 && products <= 999_999,
        "products must be between 1 and 999999, got " + products);
    require(days >= 1, "days must be at least 1, got " + days);
    require(sitePrefix != null, "sitePrefix must not be null");
  }

  public WorldSpec(long seed, int stores, int products, int days, LocalDate start) {
    this(seed, stores, products, days, start, "");
  }

  /** The same life on sites whose ids start with {@code prefix}. */
  public WorldSpec withSitePrefix(String prefix) {
    return new WorldSpec(seed, stores, products, days, start, prefix);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
