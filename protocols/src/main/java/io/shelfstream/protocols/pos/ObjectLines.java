package io.shelfstream.protocols.pos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lines given as JSON objects (mapped records): which can be read by their tokens, and the text of
 * those that cannot.
 */
final class ObjectLines {
  /**
   * Non-ASCII is written escaped so that a lone UTF-16 surrogate reaches the POS rules as the
   * {@code \ud83d} they reject, rather than failing the encoding or becoming "?".
   */
  private static final ObjectMapper WRITER =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private ObjectLines() {}

  /**
   * Whether the node's JSON text reads back as the same values: not a NaN or an infinite double,
   * which Jackson writes as a string.
   */
  static boolean readsBackAsItIs(JsonNode node) {
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (!readsBackAsItIs(child)) {
          return false;
        }
      }
      return true;
    }
    if (node.isDouble() || node.isFloat()) {
      return Double.isFinite(node.doubleValue());
    }
    return node.isTextual()
        || node.isBoolean()
        || node.isNull()
        || node.isIntegralNumber()
        || node.isBigDecimal();
  }

  static byte[] text(ObjectNode line) throws JsonProcessingException {
    return WRITER.writeValueAsBytes(line);
  }
}
