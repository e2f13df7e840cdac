package io.shelfstream.simulations.truth;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.simulations.event.StoreField;
import io.shelfstream.simulations.wire.WireTime;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The expected records in the shape the node serves them, without {@code version}, which depends on
 * delivery: the checker compares them with the served ones, and {@code --truth} writes them as one
 * JSON document, {@code {"inventory":[...],"stores":[...]}}.
 */
public final class TruthJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TruthJson() {}

  public static void write(GroundTruth truth, Path file) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("inventory");
      for (ExpectedStock record : truth.inventory()) {
        json.writeTree(stock(record));
      }
      json.writeEndArray();
      json.writeArrayFieldStart("stores");
      for (ExpectedStore record : truth.stores()) {
        json.writeTree(store(record));
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** One inventory record, as {@code GET /v1/inventory/{locationId}/{sku}} serves it. */
  public static ObjectNode stock(ExpectedStock record) {
    ChosenCount count = record.count();
    ObjectNode json =
        JSON.createObjectNode()
            .put("locationId", record.key().locationId())
            .put("sku", record.key().sku())
            .put("onHand", record.onHand())
            .put("negative", record.negative())
            .put("lastCountAt", count == null ? null : WireTime.format(count.stamp().occurredAt()));
    ObjectNode provenance = json.putObject("provenance");
    provenance.set(
        "count",
        count == null ? NullNode.instance : stamp(count.stamp()).put("onHand", count.onHand()));
    provenance.put("movementsApplied", record.movementsApplied());
    provenance.set(
        "lastMovement",
        record.lastMovement() == null ? NullNode.instance : stamp(record.lastMovement()));
    return json;
  }

  /** One store record, as {@code GET /v1/stores/{storeId}} serves it. */
  public static ObjectNode store(ExpectedStore record) {
    ObjectNode json = JSON.createObjectNode().put("storeId", record.storeId());
    ObjectNode provenance = JSON.createObjectNode();
    for (StoreField field : StoreField.values()) {
      Candidate<String> chosen = record.fields().get(field);
      json.put(field.wireName(), chosen == null ? null : chosen.value());
      if (chosen != null) {
        provenance.set(field.wireName(), stamp(chosen.stamp()));
      }
    }
    json.set("provenance", provenance);
    return json;
  }

  private static ObjectNode stamp(Stamp stamp) {
    return JSON.createObjectNode()
        .put("source", stamp.source())
        .put("eventId", stamp.eventId())
        .put("occurredAt", WireTime.format(stamp.occurredAt()));
  }
}
