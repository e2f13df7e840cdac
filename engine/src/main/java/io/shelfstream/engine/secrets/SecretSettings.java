package io.shelfstream.engine.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The secrets in an integration's settings (JSON): which values are secrets given inline, and the
 * settings as they may be shown, with each such value replaced by {@value #MASK}. References are
 * kept: they say where a secret is, not what it is.
 */
public final class SecretSettings {
  /** What a secret's value is shown as. */
  public static final String MASK = "***";

  private SecretSettings() {}

  /** A value found at a path of keys ({@code field} as errors name it: {@code a.b[0].c}). */
  public record Found(String field, List<String> keys, JsonNode value) {}

  /**
   * Every value held inline (not a reference) at a path that {@code secret} says holds a secret:
   * numbers and booleans too, since a password can be written as one.
   */
  public static List<Found> inline(ObjectNode settings, Predicate<List<String>> secret) {
    List<Found> found = new ArrayList<>();
    walk(settings, "", new ArrayList<>(), secret, found);
    return found;
  }

  /** A copy of {@code settings} with every inline secret, by name, shown as {@value #MASK}. */
  public static ObjectNode redacted(ObjectNode settings) {
    ObjectNode copy = settings.deepCopy();
    mask(copy, new ArrayList<>());
    return copy;
  }

  private static void walk(
      JsonNode node,
      String field,
      List<String> keys,
      Predicate<List<String>> secret,
      List<Found> found) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var entry = it.next();
        keys.add(entry.getKey());
        walk(
            entry.getValue(),
            field.isEmpty() ? entry.getKey() : field + "." + entry.getKey(),
            keys,
            secret,
            found);
        keys.remove(keys.size() - 1);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), field + "[" + i + "]", keys, secret, found);
      }
    } else if (isInlineValue(node) && secret.test(keys)) {
      found.add(new Found(field, List.copyOf(keys), node));
    }
  }

  private static void mask(JsonNode node, List<String> keys) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        var entry = it.next();
        keys.add(entry.getKey());
        if (isInlineValue(entry.getValue()) && SecretNames.isSecretPath(keys)) {
          entry.setValue(TextNode.valueOf(MASK));
        } else {
          mask(entry.getValue(), keys);
        }
        keys.remove(keys.size() - 1);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (isInlineValue(array.get(i)) && SecretNames.isSecretPath(keys)) {
          array.set(i, TextNode.valueOf(MASK));
        } else {
          mask(array.get(i), keys);
        }
      }
    }
  }

  private static boolean isInlineValue(JsonNode value) {
    if (value.isTextual()) {
      return !SecretReference.isReference(value.textValue());
    }
    return value.isValueNode() && !value.isNull();
  }
}
