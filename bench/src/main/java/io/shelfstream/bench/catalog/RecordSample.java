package io.shelfstream.bench.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a sample of golden records must hold after a workload, from the workload's own sums: the
 * cheap correctness check of a run. Records drawn through events, so popular ones are likelier.
 */
public final class RecordSample {

  /**
   * The record of one SKU at one location: on-hand units from zero, and how many events moved it.
   */
  public record Expected(String locationId, String sku, long onHand, int movements) {}

  private RecordSample() {}

  public static List<Expected> draw(CatalogWorkload workload, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<Long, int[]> sums = new LinkedHashMap<>();
    Map<Long, Integer> firstEvent = new LinkedHashMap<>();
    for (int i = 0; i < size && sums.size() < workload.size(); i++) {
      int event = random.nextInt(workload.size());
      sums.putIfAbsent(workload.recordKey(event), new int[2]);
      firstEvent.putIfAbsent(workload.recordKey(event), event);
    }
    for (int event = 0; event < workload.size(); event++) {
      int[] sum = sums.get(workload.recordKey(event));
      if (sum != null) {
        sum[0] += workload.delta(event);
        sum[1]++;
      }
    }
    List<Expected> expected = new ArrayList<>();
    sums.forEach(
        (key, sum) -> {
          int event = firstEvent.get(key);
          expected.add(
              new Expected(workload.locationId(event), workload.skuId(event), sum[0], sum[1]));
        });
    return expected;
  }
}
