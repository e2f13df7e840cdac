package io.shelfstream.protocols.mapping;

import static io.shelfstream.protocols.mapping.Mappings.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mapping is checked when compiled: every problem, each named by its target field. */
class SpecValidationTest {
  private static final String HEAD =
      """
      {"target": "type", "transforms": [{"constant": "sale"}]},
      {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"}""";

  private static String withFields(String fields) {
    return "{\"fields\": [" + HEAD + ", " + fields + "]}";
  }

  @Test
  void unknownKeysTypesAndTransformsAreNamed() {
    assertThat(
            problems(
                withFields(
                    """
                    {"target": "sku", "source": "c", "requird": true},
                    {"target": "qty", "source": "n", "type": "int"},
                    {"target": "channel", "source": "c", "transforms": ["capitalize"]}""")))
        .containsExactly(
            "sku: unknown key \"requird\", expected one of default, enum, enumDefault, formats, pii,"
                + " required, source, target, transforms, type, zone",
            "qty: unknown type \"int\", expected one of string, integer, decimal, boolean, timestamp",
            "channel: unknown transform \"capitalize\", expected trim, upper, lower, {\"multiply\":"
                + " n}, {\"constant\": v} or {\"concat\": {...}}");
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    assertThat(
            problems(
                """
                {"fields": [
                  {"target": "sku", "source": "a..b"},
                  {"target": "qty", "source": "n", "required": true, "default": 1},
                  {"target": "channel", "source": "c", "enum": {}},
                  {"target": "unknown", "source": "x"}
                ], "name": "oops"}"""))
        .containsExactly(
            "mapping: unknown key \"name\", expected one of each, fields",
            "sku: bad path \"a..b\": a name is missing at character 3",
            "qty: a required field cannot have a default: drop one of them",
            "channel: \"enum\" must be an object with at least one value, such as {\"IN\": \"pos\"}",
            "fields[3]: unknown target \"unknown\", expected one of type, eventId, occurredAt,"
                + " source, locationId, sku, qty, onHand, reserved, inTransit, unitPrice, channel,"
                + " revenue, customerSegment, promotionCode, fulfillment, reason, storeId, name,"
                + " address, status, timezone, productId, externalDemand, marketTrend,"
                + " competitorPrice, weatherFactor, eventImpact, socialSentiment",
            "type: is not mapped, and every event needs it",
            "occurredAt: is not mapped, and every event needs it");
  }

  @Test
  void aTimestampNeedsFormatsAndAZone() {
    assertThat(
            problems(
                "{\"fields\": [{\"target\": \"type\", \"source\": \"t\"},"
                    + " {\"target\": \"occurredAt\", \"source\": \"at\"}]}"))
        .containsExactly(
            "occurredAt: a timestamp needs \"formats\": a non-empty array of patterns such as"
                + " \"yyyy-MM-dd HH:mm\", \"iso\", \"epochSeconds\" or \"epochMillis\"",
            "occurredAt: a timestamp needs \"zone\": the zone of values without an offset, such"
                + " as \"Europe/Paris\" or \"UTC\"");
    assertThat(
            problems(
                "{\"fields\": [{\"target\": \"type\", \"source\": \"t\"},"
                    + " {\"target\": \"occurredAt\", \"source\": \"at\", \"formats\": [\"yyyy-MM-dd qqqqqq\"],"
                    + " \"zone\": \"Mars/Olympus\"}]}"))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("occurredAt: bad format \"yyyy-MM-dd qqqqqq\""))
        .contains("occurredAt: unknown zone \"Mars/Olympus\"");
  }

  @Test
  void aFormatThatCannotReadADateAndTimeIsRefused() {
    assertThat(
            problems(
                "{\"fields\": [{\"target\": \"type\", \"source\": \"t\"}, {\"target\":"
                    + " \"occurredAt\", \"source\": \"at\", \"formats\": [\"HH:mm\","
                    + " \"dd/MM/yyyy\"], \"zone\": \"UTC\"}]}"))
        .containsExactly(
            "occurredAt: bad format \"HH:mm\": it cannot read a date and time back from what it"
                + " writes");
  }

  @Test
  void formatsAndZoneBelongOnlyToTimestamps() {
    assertThat(problems(withFields("{\"target\": \"sku\", \"source\": \"c\", \"zone\": \"UTC\"}")))
        .containsExactly("sku: \"zone\" is only for type timestamp");
  }

  @Test
  void theFanOutMustNameAnArrayAndOnlyItsElementsUseEmptyIndexes() {
    assertThat(problems("{\"each\": \"lines[0]\", \"fields\": [" + HEAD + "]}"))
        .containsExactly("each: \"lines[0]\" must name an array, not an element of one");
    assertThat(problems(withFields("{\"target\": \"sku\", \"source\": \"lines[].sku\"}")))
        .containsExactly(
            "sku: \"lines[].sku\" uses [] but the mapping has no \"each\" to fan out on");
    assertThat(
            problems(
                "{\"each\": \"lines\", \"fields\": ["
                    + HEAD
                    + ", {\"target\": \"sku\", \"source\": \"items[].sku\"}]}"))
        .containsExactly(
            "sku: \"items[].sku\" may use [] only as \"lines[].<field>\", for each element of the"
                + " fan-out");
  }

  @Test
  void typesAndFixedValuesMustSuitTheTarget() {
    assertThat(
            problems(
                withFields(
                    """
                    {"target": "qty", "source": "n", "type": "string"},
                    {"target": "onHand", "source": "n", "default": "ten"},
                    {"target": "channel", "source": "c", "enum": {"IN": 1}},
                    {"target": "sku", "source": "c", "enumDefault": "x"}""")))
        .containsExactly(
            "qty: type string cannot fill a field that takes integer (map it through an \"enum\""
                + " to give integer values)",
            "onHand: default \"ten\" is not an integer, which this field takes",
            "channel: enum value for \"IN\": 1 is not a non-blank string, which this field takes",
            "sku: \"enumDefault\" needs an \"enum\"");
  }

  @Test
  void aFieldNeedsSomewhereToTakeItsValueFromAndATargetOnce() {
    assertThat(
            problems(
                withFields("{\"target\": \"sku\"}, {\"target\": \"type\", \"source\": \"t\"}")))
        .containsExactly(
            "sku: needs a \"source\", a constant transform or a \"default\"",
            "type: is mapped more than once");
  }

  @Test
  void transformArgumentsAreChecked() {
    assertThat(
            problems(
                withFields(
                    """
                    {"target": "unitPrice", "source": "p", "transforms": [{"multiply": "a lot"}]},
                    {"target": "sku", "source": "s", "transforms": [{"concat": {"parts": []}}]},
                    {"target": "channel", "transforms": [{"constant": null}]}""")))
        .containsExactly(
            "unitPrice: multiply needs a number, such as 0.01, got \"a lot\"",
            "sku: concat needs a non-empty \"parts\" array",
            "channel: constant needs a string, number or boolean, got null",
            "channel: needs a \"source\", a constant transform or a \"default\"");
  }

  @Test
  void textThatIsNotAMappingIsRefusedWithoutThrowing() {
    assertThat(problems("{\"fields\": "))
        .singleElement()
        .asString()
        .startsWith("mapping: not valid JSON");
    assertThat(problems("[1, 2]"))
        .containsExactly("mapping: must be a JSON object with \"fields\"");
    assertThat(problems("{\"fields\": {}}"))
        .containsExactly("mapping: \"fields\" must be a non-empty array of {\"target\": ..., ...}");
    assertThat(problems("{\"fields\": [" + HEAD + "], \"fields\": []}"))
        .singleElement()
        .asString()
        .contains("Duplicate field 'fields'");
  }

  @Test
  void theDefaultSourceMustBeAName() {
    var result = Mapping.compile("{\"fields\": [" + HEAD + "]}", "");
    assertThat(result).isInstanceOf(CompileResult.Invalid.class);
    assertThat(((CompileResult.Invalid) result).reason())
        .isEqualTo("source: the default source must be a name of 1-64 characters");
  }
}
