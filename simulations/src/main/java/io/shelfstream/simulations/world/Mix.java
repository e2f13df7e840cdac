package io.shelfstream.simulations.world;

/**
 * Stateless hashing (SplitMix64) for decisions that must not depend on how much randomness was
 * drawn before, such as whether a product is on promotion in a given week.
 */
final class Mix {

  private Mix() {}

  static long hash(long... parts) {
    long h = 0x2545F4914F6CDD1DL;
    for (long part : parts) {
      h = splitMix(h ^ part);
    }
    return h;
  }

  /** A uniform double in [0, 1) from a hash. */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  private static long splitMix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
