package io.shelfstream.engine.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.protocols.event.TextRules;
import io.shelfstream.protocols.mapping.CompileResult;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.MappingOptions;
import io.shelfstream.protocols.mapping.spec.SpecProblem;
import io.shelfstream.protocols.pos.PosLineParser;
import java.util.Map;
import java.util.Optional;

/**
 * An integration's optional {@code mapping} setting (docs/mapping.md): the field mapping that turns
 * the records of the integration's own shape into events. Compiled when the settings are read, so
 * that an integration with a bad mapping is refused when it is created, each problem named {@code
 * mapping.<target>} like any other setting.
 */
public final class MappingSetting {
  public static final String KEY = "mapping";
  private static final int MAX_SOURCE_LENGTH = 64;

  private MappingSetting() {}

  /**
   * The compiled mapping, or empty when the settings have none (or a bad one, whose problems are
   * then among {@code settings.errors()}). {@code defaultSource} is the source of events whose
   * mapping fills none.
   */
  public static Optional<Mapping> read(SettingsReader settings, String defaultSource) {
    return read(settings, defaultSource, MappingOptions.NONE);
  }

  /** As {@link #read(SettingsReader, String)}, with the node's options (its pii key). */
  public static Optional<Mapping> read(
      SettingsReader settings, String defaultSource, MappingOptions options) {
    boolean given = settings.hasObject(KEY);
    Map<String, JsonNode> entries =
        settings.entries(KEY, false, "a mapping object such as {\"fields\": [...]}");
    if (!given) {
      return Optional.empty();
    }
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    entries.forEach(spec::set);
    // a bad default source is that setting's own error, not the mapping's
    String source = isSourceName(defaultSource) ? defaultSource : PosLineParser.DEFAULT_SOURCE;
    CompileResult compiled = Mapping.compile(spec, source, options);
    if (compiled instanceof CompileResult.Invalid invalid) {
      for (SpecProblem problem : invalid.problems()) {
        settings.error(KEY + "." + problem.field(), problem.problem());
      }
      return Optional.empty();
    }
    return Optional.of(((CompileResult.Compiled) compiled).mapping());
  }

  private static boolean isSourceName(String name) {
    return name != null
        && !name.isBlank()
        && name.length() <= MAX_SOURCE_LENGTH
        && TextRules.nameProblem(name).isEmpty();
  }
}
