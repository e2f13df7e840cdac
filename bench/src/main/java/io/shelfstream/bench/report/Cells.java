package io.shelfstream.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How the report writes a value: in a table's cell, or in a method's text. */
public final class Cells {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private Cells() {}

  /** Counts with thousands separators, other numbers with as many decimals as they need. */
  public static String format(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      String format = Math.abs(number) >= 100 ? "%,.0f" : Math.abs(number) >= 10 ? "%.1f" : "%.2f";
      return String.format(Locale.ROOT, format, number);
    }
    if (value instanceof Number number) {
      return String.format(Locale.ROOT, "%,d", number.longValue());
    }
    if (value instanceof Boolean yes) {
      return yes ? "yes" : "**no**";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Cells::format).collect(Collectors.joining(", "));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(entry -> entry.getKey() + " " + format(entry.getValue()))
          .collect(Collectors.joining(", "));
    }
    return String.valueOf(value);
  }

  /** "eventsPerSecond" → "events per second", "vmHwmMiB" → "vm hwm MiB": a column's heading. */
  public static String heading(String name) {
    String words = name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    return words.replace("mi b", "MiB").replace("gi b", "GiB");
  }

  /** The bench's resource {@code path}, with each {key} replaced by its formatted parameter. */
  public static String fillResource(String path, Map<String, ?> parameters) {
    try (InputStream in = Cells.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the bench's resources have no " + path);
      }
      return fill(new String(in.readAllBytes(), StandardCharsets.UTF_8), parameters);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template with each {key} replaced by its formatted parameter. */
  public static String fill(String template, Map<String, ?> parameters) {
    Matcher key = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (key.find()) {
      if (!parameters.containsKey(key.group(1))) {
        throw new IllegalArgumentException("no parameter for " + key.group());
      }
      String value = format(parameters.get(key.group(1)));
      key.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    return key.appendTail(filled).toString().strip();
  }
}
