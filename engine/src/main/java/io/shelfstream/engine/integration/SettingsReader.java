package io.shelfstream.engine.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an integration's settings strictly and collects every problem, each naming its field: a
 * value of the wrong JSON type is an error (a number is never taken for a string), so is a value
 * out of range, and so is a key that no read asked for (with the nearest known key suggested).
 */
public final class SettingsReader {
  private final ObjectNode settings;
  private final String path;
  private final List<ConfigError> errors;
  private final Set<String> known = new LinkedHashSet<>();
  private final List<SettingsReader> nested = new ArrayList<>();

  private SettingsReader(ObjectNode settings, String path, List<ConfigError> errors) {
    this.settings = settings;
    this.path = path;
    this.errors = errors;
  }

  /** A reader of {@code spec}'s settings, whose {@code type} is already known. */
  public static SettingsReader of(IntegrationSpec spec) {
    SettingsReader reader = new SettingsReader(spec.settings(), "", new ArrayList<>());
    reader.known.add("type");
    return reader;
  }

  /** The full name of {@code key}, as errors show it. */
  public String field(String key) {
    return path + key;
  }

  public void error(String key, String error) {
    errors.add(new ConfigError(field(key), error));
  }

  /** A string of 1 to {@code maxLength} characters, or {@code fallback} when absent. */
  public String string(String key, String fallback, int maxLength) {
    JsonNode value = get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual()) {
      error(key, "must be a string, got " + describe(value));
      return fallback;
    }
    String text = value.textValue();
    if (text.isBlank()) {
      error(key, "must not be empty");
    } else if (text.length() > maxLength) {
      error(key, "must be at most " + maxLength + " characters, got " + text.length());
    }
    return text;
  }

  /** A string of 1 to {@code maxLength} characters; null (and an error) when absent. */
  public String requiredString(String key, int maxLength) {
    if (get(key) == null) {
      error(key, "is required");
      return null;
    }
    return string(key, null, maxLength);
  }

  /** One of {@code allowed}, or {@code fallback} when absent. */
  public String oneOf(String key, String fallback, Collection<String> allowed) {
    String value = string(key, fallback, 100);
    if (value != null && !value.isBlank() && !allowed.contains(value)) {
      error(key, notOneOf(value, allowed));
    }
    return value;
  }

  public boolean bool(String key, boolean fallback) {
    JsonNode value = get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      error(key, "must be true or false, got " + describe(value));
      return fallback;
    }
    return value.booleanValue();
  }

  /** A whole number in [min, max], or {@code fallback} when absent. */
  public int integer(String key, int fallback, int min, int max) {
    JsonNode value = get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber()) {
      error(key, "must be a whole number from " + min + " to " + max + ", got " + describe(value));
      return fallback;
    }
    if (!value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
      error(key, "must be from " + min + " to " + max + ", got " + value);
      return fallback;
    }
    return value.intValue();
  }

  /** A duration such as {@code "500ms"} or {@code "2s"} in [min, max], or the fallback. */
  public Duration duration(String key, Duration fallback, Duration min, Duration max) {
    JsonNode value = get(key);
    if (value == null) {
      return fallback;
    }
    String expected =
        "must be a duration from "
            + text(min)
            + " to "
            + text(max)
            + " such as \"500ms\" or \"2s\"";
    if (!value.isTextual()) {
      error(key, expected + ", got " + describe(value));
      return fallback;
    }
    Duration parsed;
    try {
      parsed =
          ConfigFactory.empty()
              .withValue("d", ConfigValueFactory.fromAnyRef(value.textValue()))
              .getDuration("d");
    } catch (RuntimeException e) { // ConfigException.BadValue, or a number too large
      error(key, expected + ", got " + describe(value));
      return fallback;
    }
    if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
      error(key, expected + ", got " + describe(value));
      return fallback;
    }
    return parsed;
  }

  /**
   * The settings of the object at {@code key}, read the same way (an absent object reads as empty;
   * anything else is an error).
   */
  public SettingsReader object(String key) {
    JsonNode value = get(key);
    ObjectNode inner = value instanceof ObjectNode object ? object : settings.objectNode();
    if (value != null && !value.isObject()) {
      error(key, "must be an object, got " + describe(value));
    }
    SettingsReader reader = new SettingsReader(inner, field(key) + ".", errors);
    nested.add(reader);
    return reader;
  }

  /**
   * The entries of the object at {@code key} whose keys are data (names of topics, of client
   * properties) rather than settings; empty when absent or not an object (with an error).
   */
  public Map<String, JsonNode> entries(String key, boolean required, String expected) {
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    JsonNode value = get(key);
    if (value == null) {
      if (required) {
        error(key, "is required: " + expected);
      }
    } else if (!value.isObject()) {
      error(key, "must be " + expected + ", got " + describe(value));
    } else {
      value.fields().forEachRemaining(entry -> entries.put(entry.getKey(), entry.getValue()));
    }
    return entries;
  }

  /** Whether {@code key} holds an object (an empty one, say). */
  public boolean hasObject(String key) {
    JsonNode value = settings.get(key);
    return value != null && value.isObject();
  }

  /** Every problem found, with one for each key that nothing read, here or in nested objects. */
  public List<ConfigError> errors() {
    List<ConfigError> all = new ArrayList<>(errors);
    unknownKeys(all);
    return all;
  }

  private void unknownKeys(List<ConfigError> into) {
    settings
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!known.contains(key)) {
                String near = suggestion(key, known);
                into.add(
                    new ConfigError(
                        field(key.isBlank() ? "\"" + key + "\"" : key),
                        "is not a setting"
                            + (near.isEmpty() ? "; the settings here are " + known : near)));
              }
            });
    nested.forEach(reader -> reader.unknownKeys(into));
  }

  private JsonNode get(String key) {
    known.add(key);
    return settings.get(key);
  }

  private static String text(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }

  /** {@code value} is not among {@code allowed}; suggests the nearest. */
  public static String notOneOf(String value, Collection<String> allowed) {
    return "must be one of "
        + String.join(", ", allowed)
        + ", got "
        + quote(value)
        + suggestion(value, allowed);
  }

  /** {@code ": did you mean "x"?"} when one of {@code known} is near {@code given}, else "". */
  public static String suggestion(String given, Collection<String> known) {
    return NearestName.among(given, known)
        .map(near -> ": did you mean \"" + near + "\"?")
        .orElse("");
  }

  /** A value as an error shows it: its JSON type and a short, safe excerpt. */
  public static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "string " + quote(value.textValue());
      case NUMBER -> "number " + value;
      case BOOLEAN -> "boolean " + value;
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** Quoted, cut to 60 characters without splitting a surrogate pair. */
  public static String quote(String text) {
    int limit = 60;
    if (text.codePointCount(0, text.length()) <= limit) {
      return "\"" + text + "\"";
    }
    return "\"" + text.substring(0, text.offsetByCodePoints(0, limit)) + "...\"";
  }
}
