package io.shelfstream.simulations.truth;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.Movement;
import io.shelfstream.simulations.event.SimEvent.StoreUpdate;
import io.shelfstream.simulations.event.StockKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The golden records a node must hold after receiving a set of valid events, computed by the rules
 * of docs/golden-record.md and sharing no code with the engine. Feed it every valid event emitted,
 * in any order and with any redeliveries: the result depends only on the set. Not thread-safe.
 */
public final class GroundTruth {

  private final Policies policies;
  private final Map<StockKey, StockTruth> stock = new HashMap<>();
  private final Map<String, StoreTruth> stores = new HashMap<>();

  public GroundTruth(Policies policies) {
    this.policies = policies;
  }

  public void accept(SimEvent event) {
    if (event instanceof Count count) {
      stockOf(count.key()).accept(count);
    } else if (event instanceof Movement movement) {
      stockOf(movement.key()).accept(movement);
    } else if (event instanceof StoreUpdate update) {
      stores.computeIfAbsent(update.storeId(), id -> new StoreTruth(policies)).accept(update);
    }
  }

  public int inventoryRecords() {
    return stock.size();
  }

  public int storeRecords() {
    return stores.size();
  }

  /** Every expected inventory record, sorted by key. */
  public List<ExpectedStock> inventory() {
    List<ExpectedStock> records = new ArrayList<>(stock.size());
    new TreeMap<>(stock).forEach((key, truth) -> records.add(truth.expected(key)));
    return records;
  }

  public ExpectedStock inventory(StockKey key) {
    StockTruth truth = stock.get(key);
    return truth == null ? null : truth.expected(key);
  }

  /** Every expected store record, sorted by storeId. */
  public List<ExpectedStore> stores() {
    List<ExpectedStore> records = new ArrayList<>(stores.size());
    new TreeMap<>(stores).forEach((id, truth) -> records.add(truth.expected(id)));
    return records;
  }

  public ExpectedStore store(String storeId) {
    StoreTruth truth = stores.get(storeId);
    return truth == null ? null : truth.expected(storeId);
  }

  private StockTruth stockOf(StockKey key) {
    return stock.computeIfAbsent(key, k -> new StockTruth(policies));
  }
}
