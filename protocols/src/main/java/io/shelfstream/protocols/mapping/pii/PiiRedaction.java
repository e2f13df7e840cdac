package io.shelfstream.protocols.mapping.pii;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shelfstream.protocols.mapping.path.SourcePath;
import io.shelfstream.protocols.mapping.path.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed record as a dead letter may keep it: the values at the sources that the mapping's pii
 * fields read shown as {@value #MASK}. A record is kept to be read and fixed, and a pii value must
 * not outlive the mapping that hashed or dropped it. Pure; an empty redaction changes nothing.
 */
public final class PiiRedaction {
  public static final String MASK = "***";
  private static final TextNode MASKED = TextNode.valueOf(MASK);

  /** As strict as the sources: text they cannot read is masked by key, and kept whole. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final List<SourcePath> paths;
  private final Set<String> columns = new LinkedHashSet<>();
  private final Pattern keyed;

  private PiiRedaction(List<SourcePath> paths) {
    this.paths = List.copyOf(paths);
    paths.forEach(path -> columns.add(path.columnName()));
    this.keyed = keyedValues(paths);
  }

  /** Masks the values at {@code sources} (the sources of the mapping's pii fields). */
  public static PiiRedaction of(List<SourceRef> sources) {
    return new PiiRedaction(sources.stream().map(SourceRef::path).distinct().toList());
  }

  /** Whether the mapping has no pii source, so that a record is kept as it is. */
  public boolean isEmpty() {
    return paths.isEmpty();
  }

  /** The columns of a CSV row that pii fields read. */
  public Set<String> columns() {
    return Set.copyOf(columns);
  }

  /** A copy of a JSON record with every pii source masked; the record itself when none. */
  public JsonNode json(JsonNode record) {
    if (isEmpty() || record == null) {
      return record;
    }
    JsonNode copy = record.deepCopy();
    paths.forEach(path -> path.replaceIn(copy, MASKED));
    return copy;
  }

  /**
   * A record's JSON text with every pii source masked. Text that is not a JSON object (a broken or
   * cut record) is masked by key: any value after a key that ends a pii path, wherever it is; text
   * where that cannot be done (a pii path ending in an index) is not kept at all.
   */
  public String jsonText(String raw) {
    if (isEmpty() || raw == null || raw.isEmpty()) {
      return raw;
    }
    try {
      JsonNode tree = JSON.readTree(raw);
      if (tree != null && tree.isObject()) {
        return json(tree).toString();
      }
    } catch (JsonProcessingException unreadable) {
      // masked by key below
    }
    return keyed == null ? unreadable(raw) : keyed.matcher(raw).replaceAll(this::masked);
  }

  /** A CSV row (column to cell) with the cells of pii columns masked. */
  public Map<String, String> row(Map<String, String> row) {
    if (isEmpty()) {
      return row;
    }
    Map<String, String> masked = new LinkedHashMap<>(row);
    masked.replaceAll((column, cell) -> maskedCell(column, cell));
    return masked;
  }

  /**
   * A CSV row's cells, in header order, with the cells of pii columns masked; a cell beyond the
   * header (a long row) is masked too, since no column says what it holds.
   */
  public List<String> cells(List<String> header, List<String> cells) {
    if (isEmpty()) {
      return cells;
    }
    List<String> masked = new ArrayList<>(cells.size());
    for (int i = 0; i < cells.size(); i++) {
      masked.add(i < header.size() ? maskedCell(header.get(i), cells.get(i)) : MASK);
    }
    return masked;
  }

  /**
   * What is kept of a record that cannot be read to find its pii values (a CSV line that does not
   * split, bytes that are not text): its length only, when the mapping has pii fields.
   */
  public String unreadable(String raw) {
    if (isEmpty() || raw == null) {
      return raw;
    }
    return MASK
        + " (a record of "
        + raw.length()
        + " characters that could not be read to mask its pii fields)";
  }

  private String maskedCell(String column, String cell) {
    return columns.contains(column) && cell != null && !cell.isEmpty() ? MASK : cell;
  }

  private String masked(MatchResult match) {
    return Matcher.quoteReplacement(match.group(1) + "\"" + MASK + "\"");
  }

  /** {@code "name": value} for the last name of each path; null when a path ends in an index. */
  private static Pattern keyedValues(List<SourcePath> paths) {
    if (paths.isEmpty()) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    for (SourcePath path : paths) {
      String name = path.lastName();
      if (name == null) {
        return null;
      }
      keys.add(Pattern.quote(escape(name)));
    }
    return Pattern.compile(
        "(\"(?:"
            + String.join("|", keys)
            + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}\\]\\s]*)");
  }

  /** The name as it is written inside a JSON string. */
  private static String escape(String name) {
    String quoted = TextNode.valueOf(name).toString();
    return quoted.substring(1, quoted.length() - 1);
  }
}
