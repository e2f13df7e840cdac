package io.shelfstream.protocols.pos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A line given as a JSON object (a mapped record) is decided as its text was when mappings wrote it
 * out for the parser: the same event, or the same errors.
 */
class ObjectLineProperties {
  private static final ObjectMapper READER = JsonMapper.builder().build();

  /** How mappings wrote their objects: a lone surrogate as the escape the POS rules reject. */
  private static final ObjectMapper WRITER =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  @Property(tries = 3000)
  void decidesAnObjectAsItsText(
      @ForAll("lines") byte[] line, @ForAll("defaultSources") String defaultSource)
      throws IOException {
    JsonNode tree;
    try {
      tree = READER.readTree(line);
    } catch (IOException notJson) {
      return;
    }
    if (tree instanceof ObjectNode object) {
      assertSameOutcome(object, defaultSource);
    }
  }

  /** What mappings put in their objects beyond what JSON text reads as: decimals, longs. */
  @Example
  void decidesMappedValuesAsTheirText() throws IOException {
    List<JsonNode> prices =
        List.of(
            DecimalNode.valueOf(new BigDecimal("4.99")),
            DecimalNode.valueOf(new BigDecimal("1E-7")),
            DecimalNode.valueOf(new BigDecimal("1E+20")),
            DecimalNode.valueOf(new BigDecimal("12345678901234567890.5")),
            DecimalNode.valueOf(new BigDecimal("-0.5")),
            LongNode.valueOf(5),
            TextNode.valueOf("4.99"),
            TextNode.valueOf("\ud83d lone"));
    for (JsonNode price : prices) {
      for (String type : List.of("sale", "adjustment", "count")) {
        ObjectNode line = (ObjectNode) READER.readTree(line(type));
        line.set("unitPrice", price);
        line.set("qty", price);
        line.set("onHand", price);
        assertSameOutcome(line, PosLineParser.DEFAULT_SOURCE);
      }
    }
  }

  private static String line(String type) {
    return "{\"type\":\""
        + type
        + "\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\","
        + "\"sku\":\"A\",\"reason\":\"r\",\"channel\":\"in_store\"}";
  }

  private static void assertSameOutcome(ObjectNode object, String defaultSource)
      throws IOException {
    byte[] text = WRITER.writeValueAsBytes(object);
    PosLineParser parser = new PosLineParser(defaultSource);
    assertThat(outcome(() -> parser.parse(object)))
        .as(object.toString())
        .isEqualTo(outcome(() -> parser.parse(text)));
  }

  private static Object outcome(Supplier<ParseResult> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      return "threw " + e;
    }
  }

  @Provide
  Arbitrary<byte[]> lines() {
    return new PosLineParserProperties().lines();
  }

  @Provide
  Arbitrary<String> defaultSources() {
    return new PosLineParserProperties().defaultSources();
  }
}
