package io.shelfstream.protocols.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shelfstream.protocols.mapping.spec.FieldSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The event id of a mapped event, stable so that a resent record is recognised as a duplicate:
 *
 * <ul>
 *   <li>mapped from each element of the fan-out, directly or through a {@code concat} part (a
 *       template such as {@code <order>-<line number>}): as mapped;
 *   <li>mapped from the record, with a fan-out: {@code <id>:<index>} (an order's id and the line);
 *   <li>not mapped: {@code mapped:} and 32 hex digits of the SHA-256 of the event's mapped fields
 *       (and of its index under a fan-out): an identical record gives the same id.
 * </ul>
 */
final class EventIds {
  static final String DIGEST_PREFIX = "mapped:";
  private static final int DIGEST_BYTES = 16;

  private EventIds() {}

  /**
   * Sets {@code eventId} in {@code wire}, the event's mapped fields; index is -1 without fan-out.
   */
  static void assign(ObjectNode wire, FieldSpec eventIdField, int index) {
    if (eventIdField == null) {
      wire.set("eventId", TextNode.valueOf(DIGEST_PREFIX + digest(wire, index)));
      return;
    }
    JsonNode mapped = wire.get("eventId");
    if (index >= 0 && !eventIdField.readsEachElement() && mapped != null && mapped.isTextual()) {
      wire.set("eventId", TextNode.valueOf(mapped.textValue() + ":" + index));
    }
  }

  private static String digest(ObjectNode wire, int index) {
    MessageDigest sha256 = sha256();
    // the wire object's fields are in one fixed order, so equal content gives equal text
    sha256.update(wire.toString().getBytes(StandardCharsets.UTF_8));
    if (index >= 0) {
      sha256.update(("#" + index).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha256.digest(), 0, DIGEST_BYTES);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
