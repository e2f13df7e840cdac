package io.shelfstream.engine.integration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An integration's settings as JSON data, read strictly: never as a config language (no includes,
 * no substitutions), with bounded nesting and size, so that no body can make the node fetch a URL,
 * read a file, or exhaust a thread's stack. Bodies of {@code PUT /v1/integrations/{id}} and specs
 * read back from the journal both go through here.
 */
public final class IntegrationBodies {
  /** The largest body, in bytes, that describes an integration. */
  public static final int MAX_BYTES = 64 * 1024;

  /** The deepest nesting of objects and arrays; settings use three levels. */
  public static final int MAX_DEPTH = 32;

  private static final int MAX_KEY_CHARS = 256;

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxDocumentLength(MAX_BYTES)
                          .maxStringLength(MAX_BYTES)
                          .maxNameLength(MAX_KEY_CHARS)
                          .maxNumberLength(100)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private IntegrationBodies() {}

  /**
   * The spec that {@code body} describes for integration {@code id}. Throws {@link
   * InvalidIntegrationException} when the body is not a JSON object with a string {@code type}. The
   * settings themselves are checked by the source type.
   */
  public static IntegrationSpec parse(String id, byte[] body) {
    if (body.length > MAX_BYTES) {
      throw invalid(id, "body", "is larger than " + MAX_BYTES + " bytes");
    }
    ObjectNode settings = read(id, body);
    JsonNode type = settings.get("type");
    if (type == null) {
      throw invalid(id, "type", "is required, e.g. \"type\":\"kafka\"");
    }
    if (!type.isTextual()) {
      throw invalid(id, "type", "must be a string, got " + SettingsReader.describe(type));
    }
    return new IntegrationSpec(id, type.textValue(), settings.toString());
  }

  /** A spec's settings; an unreadable one (journaled long ago, say) names the problem. */
  static ObjectNode settings(IntegrationSpec spec) {
    return read(spec.id(), spec.settingsJson().getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode read(String id, byte[] body) {
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (StreamConstraintsException e) {
      throw invalid(id, "body", tooLarge(e));
    } catch (JsonProcessingException e) {
      throw invalid(id, "body", notJson(e));
    } catch (IOException e) {
      throw invalid(id, "body", "cannot be read: " + e.getMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      throw invalid(id, "body", "is empty: send a JSON object such as {\"type\":\"kafka\", ...}");
    }
    if (!tree.isObject()) {
      throw invalid(id, "body", "must be a JSON object, got " + SettingsReader.describe(tree));
    }
    unpairedSurrogate(tree, "")
        .ifPresent(
            field -> {
              throw invalid(
                  id, field, "contains an unpaired UTF-16 surrogate (\\uD800-\\uDFFF) escape");
            });
    return (ObjectNode) tree;
  }

  private static String notJson(JsonProcessingException e) {
    var where = e.getLocation();
    return "is not valid JSON: "
        + e.getOriginalMessage().lines().findFirst().orElse("")
        + (where == null
            ? ""
            : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
  }

  private static String tooLarge(StreamConstraintsException e) {
    String message = e.getOriginalMessage();
    if (message.contains("nesting depth")) {
      return "is nested deeper than " + MAX_DEPTH + " levels";
    }
    if (message.contains("Name length")) {
      return "has a key longer than " + MAX_KEY_CHARS + " characters";
    }
    if (message.contains("Number value length")) {
      return "has a number longer than 100 digits";
    }
    return "is larger than " + MAX_BYTES + " bytes";
  }

  /** The path of the first key or string holding half a surrogate pair, which no UTF-8 encodes. */
  private static Optional<String> unpairedSurrogate(JsonNode node, String path) {
    if (node.isTextual()) {
      return unpaired(node.textValue()) ? Optional.of(path.isEmpty() ? "body" : path) : none();
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var entry = it.next();
        String key = entry.getKey().isBlank() ? "\"" + entry.getKey() + "\"" : entry.getKey();
        String field = path.isEmpty() ? key : path + "." + key;
        if (unpaired(entry.getKey())) {
          return Optional.of(path.isEmpty() ? "body" : path);
        }
        Optional<String> inside = unpairedSurrogate(entry.getValue(), field);
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> inside = unpairedSurrogate(node.get(i), path + "[" + i + "]");
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    return none();
  }

  private static Optional<String> none() {
    return Optional.empty();
  }

  static boolean unpaired(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static InvalidIntegrationException invalid(String id, String field, String error) {
    return new InvalidIntegrationException(id, List.of(new ConfigError(field, error)));
  }
}
