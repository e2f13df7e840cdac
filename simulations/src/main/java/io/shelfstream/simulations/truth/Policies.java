package io.shelfstream.simulations.truth;

import io.shelfstream.simulations.event.StoreField;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The policies in force on a node, as served by {@code GET /v1/golden-record/policies}.
 *
 * @param storeFields the policy of each store field; fields absent here use {@code storeDefault}
 */
public record Policies(
    SourceRanking sourceRanking,
    Policy inventoryOnHand,
    Map<StoreField, Policy> storeFields,
    Policy storeDefault) {

  public Policies {
    storeFields = Map.copyOf(storeFields);
  }

  /**
   * The node's documented defaults, used when no node is asked (writing to a file): erp over wms
   * over pos, last-write-wins everywhere except the store name, where erp keeps priority over pos
   * for seven days.
   */
  public static Policies defaults() {
    Policy lww = new Policy.LastWriteWins();
    return new Policies(
        new SourceRanking(List.of("erp", "wms", "pos")),
        lww,
        Map.of(
            StoreField.NAME, new Policy.SourcePriority(List.of("erp", "pos"), Duration.ofDays(7)),
            StoreField.ADDRESS, lww,
            StoreField.TIMEZONE, lww,
            StoreField.STATUS, lww),
        lww);
  }

  public Policy storeField(StoreField field) {
    return storeFields.getOrDefault(field, storeDefault);
  }
}
