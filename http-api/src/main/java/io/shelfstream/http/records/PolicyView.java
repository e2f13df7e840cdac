package io.shelfstream.http.records;

import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.policy.ConflictPolicy;
import io.shelfstream.protocols.event.StoreField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies in force, as {@code GET /v1/golden-record/policies} serves them, so that a client
 * can compute the expected golden record from the same rules.
 */
record PolicyView(
    List<String> sourceRanking, Map<String, Object> inventory, Map<String, Object> store) {

  static PolicyView of(GoldenRecordSettings settings) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (StoreField field : StoreField.values()) {
      fields.put(field.wireName(), policy(settings.storeFields().get(field)));
    }
    return new PolicyView(
        settings.ranking().sources(),
        Map.of("onHand", policy(settings.onHand())),
        Map.of("fields", fields));
  }

  private static Map<String, Object> policy(ConflictPolicy policy) {
    if (policy instanceof ConflictPolicy.SourcePriority priority) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("policy", "source-priority");
      json.put("sources", priority.ranking().sources());
      json.put("stalenessSeconds", priority.staleness().toSeconds());
      return json;
    }
    return Map.of("policy", "last-write-wins");
  }
}
