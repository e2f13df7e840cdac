package io.shelfstream.simulations.truth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.simulations.event.StoreField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the policies document of {@code GET /v1/golden-record/policies}. Strict: a policy this
 * simulator does not know would make its ground truth silently wrong, so it is an error.
 */
public final class PoliciesJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PoliciesJson() {}

  public static Policies parse(String document) {
    JsonNode root;
    try {
      root = JSON.readTree(document);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "policies: not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("policies: must be a JSON object");
    }
    SourceRanking ranking = new SourceRanking(strings(root.path("sourceRanking"), "sourceRanking"));
    Policy onHand = policy(root.path("inventory").path("onHand"), "inventory.onHand", ranking);
    JsonNode store = root.path("store");
    Policy storeDefault =
        store.has("default")
            ? policy(store.get("default"), "store.default", ranking)
            : new Policy.LastWriteWins();
    Map<StoreField, Policy> fields = new EnumMap<>(StoreField.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = store.path("fields").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      for (StoreField field : StoreField.values()) {
        if (field.wireName().equals(entry.getKey())) {
          fields.put(field, policy(entry.getValue(), "store.fields." + entry.getKey(), ranking));
        }
      }
    }
    return new Policies(ranking, onHand, fields, storeDefault);
  }

  private static Policy policy(JsonNode node, String path, SourceRanking ranking) {
    String name = node.path("policy").asText("");
    switch (name) {
      case "last-write-wins":
        return new Policy.LastWriteWins();
      case "source-priority":
        SourceRanking sources =
            node.has("sources")
                ? new SourceRanking(strings(node.get("sources"), path + ".sources"))
                : ranking;
        JsonNode seconds = node.path("stalenessSeconds");
        if (!seconds.canConvertToLong() || seconds.asLong() < 0) {
          throw new IllegalArgumentException(
              "policies: "
                  + path
                  + ".stalenessSeconds must be a whole number of seconds >= 0, got "
                  + seconds);
        }
        return new Policy.SourcePriority(sources, Duration.ofSeconds(seconds.asLong()));
      default:
        throw new IllegalArgumentException(
            "policies: "
                + path
                + ".policy must be last-write-wins or source-priority, got \""
                + name
                + "\"");
    }
  }

  private static List<String> strings(JsonNode node, String path) {
    if (!node.isArray()) {
      throw new IllegalArgumentException("policies: " + path + " must be an array of source names");
    }
    List<String> values = new ArrayList<>();
    node.forEach(value -> values.add(value.asText()));
    return values;
  }
}
