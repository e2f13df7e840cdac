package io.shelfstream.simulations.world;

/**
 * A catalog product.
 *
 * @param dailyLines mean sale lines per day in an average store on an ordinary weekday
 * @param casePack store orders are rounded up to whole cases
 */
public record Product(int index, String sku, long priceCents, double dailyLines, int casePack) {}
