package io.shelfstream.simulations.check;

import java.util.List;

/**
 * The outcome of comparing every golden record with ground truth.
 *
 * @param firstMismatches up to {@link Checker#REPORTED_MISMATCHES} mismatches in detail
 */
public record CheckReport(
    long inventoryChecked, long storesChecked, long mismatches, List<Mismatch> firstMismatches) {

  public CheckReport {
    firstMismatches = List.copyOf(firstMismatches);
  }
}
