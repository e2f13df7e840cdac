package io.shelfstream.protocols.mapping.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A JSON value as text to quote in a message, cut at a length. It writes only as far as it shows,
 * so a tree nested deeper than Jackson would write (1000) is quoted, not thrown on.
 */
public final class JsonBrief {
  private JsonBrief() {}

  /** The value as JSON, cut at {@code maxChars} characters with "..." after the cut. */
  public static String of(JsonNode value, int maxChars) {
    StringBuilder out = new StringBuilder();
    write(value, out, maxChars + 1);
    return out.length() > maxChars ? out.substring(0, maxChars) + "..." : out.toString();
  }

  private static void write(JsonNode value, StringBuilder out, int limit) {
    if (out.length() >= limit) {
      return;
    }
    if (value.isArray()) {
      out.append('[');
      boolean first = true;
      for (JsonNode item : value) {
        if (out.length() >= limit) {
          return;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        write(item, out, limit);
      }
      out.append(']');
    } else if (value.isObject()) {
      out.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
        if (out.length() >= limit) {
          return;
        }
        Map.Entry<String, JsonNode> field = fields.next();
        if (!first) {
          out.append(',');
        }
        first = false;
        appendCut(TextNode.valueOf(field.getKey()), out, limit);
        out.append(':');
        write(field.getValue(), out, limit);
      }
      out.append('}');
    } else {
      appendCut(value, out, limit);
    }
  }

  private static void appendCut(JsonNode scalar, StringBuilder out, int limit) {
    String text = scalar.toString();
    out.append(text, 0, Math.min(text.length(), Math.max(0, limit - out.length())));
  }
}
