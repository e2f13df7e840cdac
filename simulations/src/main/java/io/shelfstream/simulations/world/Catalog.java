package io.shelfstream.simulations.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The products sold by every store, with a long-tailed popularity. */
public record Catalog(List<Product> products) {

  /** GS1 company prefix of the simulated retailer's own brand. */
  private static final String COMPANY_PREFIX = "376004";

  private static final double MEAN_DAILY_LINES = 0.9;
  private static final int[] CASE_PACKS = {1, 4, 6, 6, 12, 12, 24};

  public Catalog {
    products = List.copyOf(products);
  }

  static Catalog generate(int size, SplittableRandom random) {
    double[] popularity = new double[size];
    double total = 0;
    for (int rank = 0; rank < size; rank++) {
      popularity[rank] = 1.0 / Math.pow(rank + 1, 0.7);
      total += popularity[rank];
    }
    shuffle(popularity, random);
    double scale = MEAN_DAILY_LINES * size / total;
    List<Product> products = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String body = COMPANY_PREFIX + String.format("%06d", i);
      long priceCents = 49 + random.nextInt(4950);
      int casePack = CASE_PACKS[random.nextInt(CASE_PACKS.length)];
      products.add(
          new Product(i, Gtin.withCheckDigit(body), priceCents, popularity[i] * scale, casePack));
    }
    return new Catalog(products);
  }

  public int size() {
    return products.size();
  }

  public Product get(int index) {
    return products.get(index);
  }

  private static void shuffle(double[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
