package io.shelfstream.protocols.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shelfstream.protocols.event.TextRules;
import io.shelfstream.protocols.mapping.pii.PiiRedaction;
import io.shelfstream.protocols.mapping.record.Record;
import io.shelfstream.protocols.mapping.spec.MappingSpec;
import io.shelfstream.protocols.mapping.spec.SpecProblem;
import io.shelfstream.protocols.mapping.spec.SpecReader;
import java.util.List;

/**
 * An integration's field mapping (docs/mapping.md): turns input records of the integration's own
 * shape (CSV rows, JSON of any shape) into canonical events, by the POS wire format's rules.
 * Compile once, when the integration is created; apply to every record. Pure and thread-safe;
 * neither compiling nor applying throws on any input.
 */
public final class Mapping {
  private static final int MAX_SOURCE_LENGTH = 64;
  private static final ObjectMapper READER =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private final MappingSpec spec;
  private final RecordMapper mapper;
  private final PiiRedaction redaction;

  private Mapping(MappingSpec spec, String defaultSource, MappingOptions options) {
    this.spec = spec;
    this.mapper = new RecordMapper(spec, defaultSource, options.piiKey());
    this.redaction =
        PiiRedaction.of(
            spec.fields().stream()
                .filter(field -> field.pii() != null)
                .flatMap(field -> field.sources().stream())
                .toList());
  }

  /**
   * Compiles a mapping given as JSON text; for HOCON, render the config as JSON first ({@code
   * config.root().render(ConfigRenderOptions.concise())}).
   */
  public static CompileResult compile(String json, String defaultSource) {
    return compile(json, defaultSource, MappingOptions.NONE);
  }

  /** As {@link #compile(String, String)}, with the node's options (its pii key). */
  public static CompileResult compile(String json, String defaultSource, MappingOptions options) {
    if (json == null) {
      return invalid("mapping", "is missing");
    }
    try {
      return compile(READER.readTree(json), defaultSource, options);
    } catch (JsonProcessingException e) {
      return invalid("mapping", "not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /**
   * Compiles a mapping. {@code defaultSource} is the events' {@code source} when the mapping does
   * not fill it (the integration's name, say).
   */
  public static CompileResult compile(JsonNode spec, String defaultSource) {
    return compile(spec, defaultSource, MappingOptions.NONE);
  }

  /**
   * As {@link #compile(JsonNode, String)}, with the node's options: a field marked {@code "pii":
   * "hash"} is refused when they carry no key.
   */
  public static CompileResult compile(JsonNode spec, String defaultSource, MappingOptions options) {
    if (defaultSource == null
        || defaultSource.isBlank()
        || defaultSource.length() > MAX_SOURCE_LENGTH
        || TextRules.nameProblem(defaultSource).isPresent()) {
      return invalid("source", "the default source must be a name of 1-64 characters");
    }
    var outcome = SpecReader.read(spec, options.piiKey().isPresent());
    if (outcome instanceof SpecReader.Invalid invalid) {
      return new CompileResult.Invalid(invalid.problems());
    }
    return new CompileResult.Compiled(
        new Mapping(((SpecReader.Valid) outcome).spec(), defaultSource, options));
  }

  private static CompileResult invalid(String field, String problem) {
    return new CompileResult.Invalid(List.of(new SpecProblem(field, problem)));
  }

  /** The record's events, or every error found in it. */
  public MappingResult apply(Record record) {
    return mapper.apply(record);
  }

  /**
   * How a record that fails is kept for its dead letter: with the values of the sources its pii
   * fields read masked (empty when it has none).
   */
  public PiiRedaction redaction() {
    return redaction;
  }

  public MappingSpec spec() {
    return spec;
  }
}
