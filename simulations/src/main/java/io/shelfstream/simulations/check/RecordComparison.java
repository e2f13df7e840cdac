package io.shelfstream.simulations.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.simulations.event.StoreField;
import io.shelfstream.simulations.truth.Candidate;
import io.shelfstream.simulations.truth.ExpectedStock;
import io.shelfstream.simulations.truth.ExpectedStore;
import io.shelfstream.simulations.truth.Stamp;
import io.shelfstream.simulations.wire.WireTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares a served record with the expected one, field by field. Times are compared as instants;
 * {@code version} is not compared, since it depends on delivery rather than on the set of events.
 */
final class RecordComparison {

  private RecordComparison() {}

  static List<String> stock(ExpectedStock expected, JsonNode actual) {
    List<String> differences = new ArrayList<>();
    JsonNode provenance = actual.path("provenance");
    integer(differences, "onHand", expected.onHand(), actual.path("onHand"));
    if (!actual.path("negative").isBoolean()
        || actual.path("negative").asBoolean() != expected.negative()) {
      differences.add(
          "negative: expected " + expected.negative() + ", got " + actual.path("negative"));
    }
    instant(
        differences,
        "lastCountAt",
        expected.count() == null ? null : expected.count().stamp().occurredAt(),
        actual.path("lastCountAt"));
    JsonNode count = provenance.path("count");
    if (expected.count() == null) {
      absent(differences, "provenance.count", count);
    } else {
      stamp(differences, "provenance.count", expected.count().stamp(), count);
      if (!count.isMissingNode() && !count.isNull()) {
        integer(
            differences,
            "provenance.count.onHand",
            expected.count().onHand(),
            count.path("onHand"));
      }
    }
    integer(
        differences,
        "provenance.movementsApplied",
        expected.movementsApplied(),
        provenance.path("movementsApplied"));
    if (expected.lastMovement() == null) {
      absent(differences, "provenance.lastMovement", provenance.path("lastMovement"));
    } else {
      stamp(
          differences,
          "provenance.lastMovement",
          expected.lastMovement(),
          provenance.path("lastMovement"));
    }
    return differences;
  }

  static List<String> store(ExpectedStore expected, JsonNode actual) {
    List<String> differences = new ArrayList<>();
    for (StoreField field : StoreField.values()) {
      Candidate<String> chosen = expected.fields().get(field);
      JsonNode value = actual.path(field.wireName());
      JsonNode provenance = actual.path("provenance").path(field.wireName());
      if (chosen == null) {
        absent(differences, field.wireName(), value);
        absent(differences, "provenance." + field.wireName(), provenance);
        continue;
      }
      if (!value.isTextual() || !Objects.equals(value.asText(), chosen.value())) {
        differences.add(field.wireName() + ": expected \"" + chosen.value() + "\", got " + value);
      }
      stamp(differences, "provenance." + field.wireName(), chosen.stamp(), provenance);
    }
    return differences;
  }

  private static void stamp(
      List<String> differences, String path, Stamp expected, JsonNode actual) {
    if (actual.isMissingNode() || actual.isNull()) {
      differences.add(path + ": expected " + describe(expected) + ", got null");
      return;
    }
    String source = actual.path("source").asText(null);
    String eventId = actual.path("eventId").asText(null);
    if (!expected.source().equals(source) || !expected.eventId().equals(eventId)) {
      differences.add(
          path + ": expected " + describe(expected) + ", got " + source + "/" + eventId);
    }
    instant(differences, path + ".occurredAt", expected.occurredAt(), actual.path("occurredAt"));
  }

  private static void instant(
      List<String> differences, String path, OffsetDateTime expected, JsonNode actual) {
    if (expected == null) {
      absent(differences, path, actual);
      return;
    }
    try {
      if (actual.isTextual()
          && OffsetDateTime.parse(actual.asText()).toInstant().equals(expected.toInstant())) {
        return;
      }
    } catch (DateTimeParseException e) {
      // reported below like any other difference
    }
    differences.add(path + ": expected " + WireTime.format(expected) + ", got " + actual);
  }

  private static void integer(
      List<String> differences, String path, long expected, JsonNode actual) {
    if (!actual.isIntegralNumber() || actual.asLong() != expected) {
      differences.add(path + ": expected " + expected + ", got " + actual);
    }
  }

  private static void absent(List<String> differences, String path, JsonNode actual) {
    if (!actual.isMissingNode() && !actual.isNull()) {
      differences.add(path + ": expected null, got " + actual);
    }
  }

  private static String describe(Stamp stamp) {
    return stamp.source() + "/" + stamp.eventId() + " at " + WireTime.format(stamp.occurredAt());
  }
}
