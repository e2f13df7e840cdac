package io.shelfstream.sources.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.engine.integration.SettingsReader;
import io.shelfstream.protocols.mapping.CompileResult;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.MappingOptions;
import io.shelfstream.protocols.mapping.layout.Layout;
import io.shelfstream.protocols.mapping.layout.LayoutOptions;
import io.shelfstream.protocols.mapping.spec.FieldSpec;
import io.shelfstream.protocols.mapping.spec.SpecProblem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code files} setting (see {@link FileSettings}) with the {@code zone} and {@code
 * location} that built-in layouts need: each kind of file, its pattern and its mapping, compiled
 * now so that a bad mapping is refused when the integration is created.
 */
final class FileFeeds {
  private static final String EXPECTED =
      "an object naming each kind of file, such as {\"sales\": \"DAILY_SALES_*.csv\"}";

  private FileFeeds() {}

  static List<FileFeed> read(SettingsReader settings, String source, MappingOptions options) {
    Map<String, JsonNode> entries = settings.entries("files", true, EXPECTED);
    String zoneName = settings.string("zone", null, 64);
    String location = settings.string("location", null, 128);
    ZoneId zone = zone(settings, zoneName);
    if (entries.isEmpty() && settings.hasObject("files")) {
      settings.error("files", "must name at least one kind of file: " + EXPECTED);
    }
    SettingsReader files = settings.object("files");
    List<FileFeed> feeds = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : entries.entrySet()) {
      String name = entry.getKey();
      Optional<FileFeed> feed =
          entry.getValue().isTextual()
              ? layoutFeed(
                  files,
                  name,
                  name,
                  pattern(files, name, files.string(name, null, 255)),
                  source,
                  zone,
                  location)
              : objectFeed(files, name, source, zone, location, options);
      feed.ifPresent(feeds::add);
    }
    return feeds;
  }

  private static Optional<FileFeed> objectFeed(
      SettingsReader files,
      String name,
      String source,
      ZoneId zone,
      String location,
      MappingOptions options) {
    SettingsReader feed = files.object(name);
    String pattern = pattern(feed, feed.requiredString("pattern", 255));
    String layout = feed.string("layout", null, 64);
    boolean hasMapping = feed.hasObject("mapping");
    Map<String, JsonNode> spec =
        feed.entries("mapping", false, "a mapping such as {\"fields\": []}");
    if ((layout == null) == !hasMapping) {
      feed.error("layout", "give either a built-in layout (" + Layout.names() + ") or a mapping");
      return Optional.empty();
    }
    if (layout != null) {
      return layoutFeed(feed, "layout", layout, pattern, source, zone, location);
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    spec.forEach(json::set);
    CompileResult compiled = Mapping.compile(json, source, options);
    if (compiled instanceof CompileResult.Invalid invalid) {
      for (SpecProblem problem : invalid.problems()) {
        feed.error("mapping." + problem.field(), problem.problem());
      }
      return Optional.empty();
    }
    Mapping mapping = ((CompileResult.Compiled) compiled).mapping();
    return pattern == null
        ? Optional.empty()
        : Optional.of(new FileFeed(name, pattern, mapping, requiredColumns(mapping)));
  }

  /**
   * The feed of the built-in layout {@code layoutName}, named by {@code key} in {@code reader}
   * ({@code files.sales = "..."}, or {@code files.x.layout = sales}); empty after an error.
   */
  private static Optional<FileFeed> layoutFeed(
      SettingsReader reader,
      String key,
      String layoutName,
      String pattern,
      String source,
      ZoneId zone,
      String location) {
    Optional<Layout> layout = Layout.fromName(layoutName);
    if (layout.isEmpty()) {
      reader.error(
          key,
          key.equals("layout")
              ? SettingsReader.notOneOf(layoutName, Layout.names())
              : "is not a built-in layout ("
                  + String.join(", ", Layout.names())
                  + "): name one, or write {\"pattern\": ..., \"mapping\": {...}}");
      return Optional.empty();
    }
    if (zone == null) {
      reader.error(key, "a built-in layout needs \"zone\": the time zone of its dates");
      return Optional.empty();
    }
    LayoutOptions options = new LayoutOptions(source, zone, location);
    Optional<String> problem = layout.get().optionsProblem(options);
    if (problem.isPresent()) {
      String text = problem.get().replaceFirst("^locationId:", "\"location\":");
      reader.error(key, text);
      return Optional.empty();
    }
    return pattern == null
        ? Optional.empty()
        : Optional.of(
            new FileFeed(
                layoutName,
                pattern,
                layout.get().mapping(options),
                layout.get().requiredColumns()));
  }

  private static String pattern(SettingsReader reader, String pattern) {
    return pattern == null ? null : pattern(reader, "pattern", pattern);
  }

  private static String pattern(SettingsReader reader, String key, String pattern) {
    if (pattern.isBlank() || pattern.contains("/") || pattern.length() > 255) {
      reader.error(key, "must be a file name pattern such as \"DAILY_SALES_*.csv\"");
      return null;
    }
    try {
      java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      return pattern;
    } catch (RuntimeException bad) {
      reader.error(key, "is not a valid file name pattern: " + bad.getMessage());
      return null;
    }
  }

  private static ZoneId zone(SettingsReader settings, String zoneName) {
    if (zoneName == null || zoneName.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      settings.error("zone", "is not a time zone such as \"Europe/Paris\" or \"UTC\"");
      return null;
    }
  }

  /**
   * The columns a custom mapping's required fields read: a file whose header lacks one is refused.
   */
  static List<String> requiredColumns(Mapping mapping) {
    Set<String> columns = new LinkedHashSet<>();
    for (FieldSpec field : mapping.spec().fields()) {
      if (field.required() && field.source() != null) {
        var path = field.source().path();
        columns.add(path.singleName() != null ? path.singleName() : path.text());
      }
    }
    return List.copyOf(columns);
  }
}
