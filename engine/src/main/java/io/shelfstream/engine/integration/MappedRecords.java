package io.shelfstream.engine.integration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.RawText;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.MappingResult;
import io.shelfstream.protocols.mapping.pii.PiiRedaction;
import io.shelfstream.protocols.mapping.record.Record;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records of an integration's own shape, turned into decoded events by its mapping: all of a
 * record's events (one per element of its fan-out), or one rejection naming every failed field, to
 * be kept whole in the dead letters. Shared by the sources that take JSON records (Kafka, HTTP).
 */
public final class MappedRecords {
  /** The largest record mapped: an order and its line items fit in far less. */
  public static final int MAX_RECORD_BYTES = 1024 * 1024;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final Mapping mapping;
  private final String defaultSource;

  public MappedRecords(Mapping mapping, String defaultSource) {
    this.mapping = mapping;
    this.defaultSource = defaultSource;
  }

  /** A record given as JSON text: its events, or its rejection. */
  public <P> List<Decoded<P>> decode(P position, String where, byte[] json, String recordKey) {
    if (json.length > MAX_RECORD_BYTES) {
      return rejected(
          position,
          where,
          "record: longer than " + MAX_RECORD_BYTES + " bytes (" + json.length + " bytes)",
          keptRaw(Arrays.copyOf(json, RawText.MAX_KEPT_BYTES)),
          recordKey);
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      String reason =
          e.getOriginalMessage() != null && e.getOriginalMessage().contains("Invalid UTF-8")
              ? "record: not valid UTF-8"
              : "record: not valid JSON (" + firstLine(e.getOriginalMessage()) + ")";
      return rejected(position, where, reason, keptRaw(json), recordKey);
    } catch (IOException e) {
      return rejected(
          position, where, "record: unreadable (" + e.getMessage() + ")", keptRaw(json), null);
    }
    if (tree == null || tree.isMissingNode()) {
      return rejected(position, where, "record: is empty", "", recordKey);
    }
    return decode(position, where, tree, () -> RawText.of(json), recordKey);
  }

  /**
   * The text a dead letter keeps of a record's bytes (whole, or the start of an overlong one): with
   * the values its mapping's pii fields read masked, and nothing but its length when they cannot be
   * found (bytes that are not text).
   */
  public String keptRaw(byte[] bytes) {
    return masked(RawText.of(bytes));
  }

  private String masked(String raw) {
    PiiRedaction redaction = mapping.redaction();
    if (redaction.isEmpty()) {
      return raw;
    }
    return raw.startsWith(RawText.HEX_PREFIX) ? redaction.unreadable(raw) : redaction.jsonText(raw);
  }

  /** A record already read as JSON; {@code raw} gives its text for a dead letter. */
  public <P> List<Decoded<P>> decode(
      P position, String where, JsonNode record, Supplier<String> raw, String recordKey) {
    if (!record.isObject()) {
      return rejected(
          position,
          where,
          "record: must be a JSON object, got " + SettingsReader.describe(record),
          masked(raw.get()),
          recordKey);
    }
    MappingResult result = mapping.apply(Record.json(record));
    if (result instanceof MappingResult.Failed failed) {
      String kept =
          mapping.redaction().isEmpty() ? raw.get() : mapping.redaction().json(record).toString();
      return rejected(position, where, failed.reason(), kept, recordKey);
    }
    List<RetailEvent> events = ((MappingResult.Mapped) result).events();
    List<Decoded<P>> decoded = new ArrayList<>(events.size());
    for (RetailEvent event : events) {
      decoded.add(new Decoded.Valid<>(position, where, event));
    }
    return decoded;
  }

  private <P> List<Decoded<P>> rejected(
      P position, String where, String reason, String raw, String recordKey) {
    return List.of(
        new Decoded.Invalid<>(position, where, null, defaultSource, reason, raw, recordKey));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
