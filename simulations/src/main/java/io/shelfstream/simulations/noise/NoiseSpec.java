package io.shelfstream.simulations.noise;

/**
 * The noise knobs, each a percentage (0-100) of the world's events it applies to, and the bounds
 * that keep the reordering stages' memory bounded.
 *
 * @param reorderWindow the furthest (in lines) an out-of-order event is moved later
 * @param duplicateWindow the furthest (in lines) after its original a duplicate is re-sent
 * @param lateHoldLimit the most events held back waiting for a newer count at once
 */
public record NoiseSpec(
    int duplicatesPercent,
    int malformedPercent,
    int outOfOrderPercent,
    int latePercent,
    int conflictsPercent,
    int reorderWindow,
    int duplicateWindow,
    int lateHoldLimit) {

  public static final NoiseSpec NONE = of(0, 0, 0, 0, 0);

  public NoiseSpec {
    percent("duplicates", duplicatesPercent);
    percent("malformed", malformedPercent);
    percent("out-of-order", outOfOrderPercent);
    percent("late", latePercent);
    percent("conflicts", conflictsPercent);
    positive("reorder-window", reorderWindow);
    positive("duplicate-window", duplicateWindow);
    positive("late-hold-limit", lateHoldLimit);
  }

  /** These percentages, with the default windows. */
  public static NoiseSpec of(
      int duplicates, int malformed, int outOfOrder, int late, int conflicts) {
    return new NoiseSpec(duplicates, malformed, outOfOrder, late, conflicts, 2_000, 5_000, 50_000);
  }

  private static void percent(String knob, int value) {
    if (value < 0 || value > 100) {
      throw new IllegalArgumentException(
          knob + " must be a percentage from 0 to 100, got " + value);
    }
  }

  private static void positive(String knob, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(knob + " must be at least 1, got " + value);
    }
  }
}
