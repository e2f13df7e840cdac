package io.shelfstream.protocols.mapping.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class JsonBriefTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void aShortValueIsQuotedWholeAsJackson() throws Exception {
    JsonNode value = new ObjectMapper().readTree("{\"a\":[1,\"x\\\"y\",null,true],\"b\":{}}");
    assertThat(JsonBrief.of(value, 40)).isEqualTo(value.toString());
  }

  @Test
  void aLongValueIsCutWithAnEllipsis() {
    assertThat(JsonBrief.of(NODES.textNode("x".repeat(100)), 10)).isEqualTo("\"xxxxxxxxx...");
  }

  @Test
  void aTreeDeeperThanJacksonWritesIsQuotedNotThrownOn() {
    JsonNode node = NODES.arrayNode();
    for (int i = 0; i < 5_000; i++) {
      node = NODES.arrayNode().add(node);
    }
    assertThat(JsonBrief.of(node, 40)).isEqualTo("[".repeat(40) + "...");
  }
}
