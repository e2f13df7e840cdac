package io.shelfstream.simulations.truth;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.shelfstream.simulations.event.StoreField;
import io.shelfstream.simulations.wire.WireTime;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the expected records as one JSON document, in the shape the node serves them (without
 * {@code version}, which depends on delivery): {@code {"inventory":[...],"stores":[...]}}.
 */
public final class TruthJson {

  private TruthJson() {}

  public static void write(GroundTruth truth, Path file) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("inventory");
      for (ExpectedStock record : truth.inventory()) {
        writeStock(json, record);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("stores");
      for (ExpectedStore record : truth.stores()) {
        writeStore(json, record);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** One inventory record, as {@code GET /v1/inventory/{locationId}/{sku}} serves it. */
  public static void writeStock(JsonGenerator json, ExpectedStock record) throws IOException {
    json.writeStartObject();
    json.writeStringField("locationId", record.key().locationId());
    json.writeStringField("sku", record.key().sku());
    json.writeNumberField("onHand", record.onHand());
    json.writeBooleanField("negative", record.negative());
    json.writeFieldName("lastCountAt");
    if (record.count() == null) {
      json.writeNull();
    } else {
      json.writeString(WireTime.format(record.count().stamp().occurredAt()));
    }
    json.writeObjectFieldStart("provenance");
    json.writeFieldName("count");
    if (record.count() == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      writeStampFields(json, record.count().stamp());
      json.writeNumberField("onHand", record.count().onHand());
      json.writeEndObject();
    }
    json.writeNumberField("movementsApplied", record.movementsApplied());
    json.writeFieldName("lastMovement");
    if (record.lastMovement() == null) {
      json.writeNull();
    } else {
      writeStamp(json, record.lastMovement());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /** One store record, as {@code GET /v1/stores/{storeId}} serves it. */
  public static void writeStore(JsonGenerator json, ExpectedStore record) throws IOException {
    json.writeStartObject();
    json.writeStringField("storeId", record.storeId());
    for (StoreField field : StoreField.values()) {
      Candidate<String> chosen = record.fields().get(field);
      json.writeStringField(field.wireName(), chosen == null ? null : chosen.value());
    }
    json.writeObjectFieldStart("provenance");
    for (StoreField field : StoreField.values()) {
      Candidate<String> chosen = record.fields().get(field);
      if (chosen != null) {
        json.writeFieldName(field.wireName());
        writeStamp(json, chosen.stamp());
      }
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeStamp(JsonGenerator json, Stamp stamp) throws IOException {
    json.writeStartObject();
    writeStampFields(json, stamp);
    json.writeEndObject();
  }

  private static void writeStampFields(JsonGenerator json, Stamp stamp) throws IOException {
    json.writeStringField("source", stamp.source());
    json.writeStringField("eventId", stamp.eventId());
    json.writeStringField("occurredAt", WireTime.format(stamp.occurredAt()));
  }
}
