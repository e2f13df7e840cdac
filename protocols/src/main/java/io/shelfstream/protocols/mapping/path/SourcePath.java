package io.shelfstream.protocols.mapping.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in an input record: names separated by dots, each optionally followed by array
 * indexes, as in {@code properties.first_name} or {@code line_items[0].sku}. An empty index ({@code
 * line_items[]}) stands for "each element" and only binds to a mapping's fan-out, see {@link
 * SourceRef}. A name is any text without {@code . [ ]}, so CSV headers with spaces work.
 */
public final class SourcePath {
  private static final int MAX_INDEX_DIGITS = 9;

  /** One step down the tree: a field name, an array index, or every element (-1). */
  record Step(String name, int index) {
    static final int EACH = -1;

    boolean isName() {
      return name != null;
    }
  }

  private final String text;
  private final List<Step> steps;

  private SourcePath(String text, List<Step> steps) {
    this.text = text;
    this.steps = List.copyOf(steps);
  }

  /** Throws {@link IllegalArgumentException} saying what is wrong with {@code text}. */
  public static SourcePath parse(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("path is empty");
    }
    List<Step> steps = new ArrayList<>();
    int at = 0;
    while (true) {
      at = text.startsWith("[\"", at) ? quoted(text, at, steps) : plain(text, at, steps);
      while (at < text.length() && text.charAt(at) == '[') {
        if (text.startsWith("[\"", at)) {
          at = quoted(text, at, steps);
          continue;
        }
        int close = text.indexOf(']', at);
        if (close < 0) {
          throw syntax(text, "'[' at character " + (at + 1) + " is not closed");
        }
        steps.add(new Step(null, index(text, text.substring(at + 1, close))));
        at = close + 1;
      }
      if (at == text.length()) {
        return new SourcePath(text, steps);
      }
      if (text.charAt(at) != '.') {
        throw syntax(text, "unexpected '" + text.charAt(at) + "' at character " + (at + 1));
      }
      at++;
    }
  }

  /** A name up to the next {@code . [ ]}; returns where it ends. */
  private static int plain(String text, int start, List<Step> steps) {
    int at = start;
    while (at < text.length() && ".[]".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    if (at == start) {
      throw syntax(text, "a name is missing at character " + (at + 1));
    }
    steps.add(new Step(text.substring(start, at), 0));
    return at;
  }

  /**
   * A quoted name, {@code ["Ticket No."]}, for names with dots or brackets; {@code \"} and {@code
   * \\} escape a quote and a backslash. Returns where it ends.
   */
  private static int quoted(String text, int start, List<Step> steps) {
    StringBuilder name = new StringBuilder();
    for (int at = start + 2; at < text.length(); at++) {
      char c = text.charAt(at);
      if (c == '\\' && at + 1 < text.length()) {
        name.append(text.charAt(++at));
      } else if (c == '"' && text.startsWith("\"]", at) && name.length() > 0) {
        steps.add(new Step(name.toString(), 0));
        return at + 2;
      } else if (c == '"') {
        throw syntax(
            text, "a quoted name must be non-empty and end with \"] (character " + (at + 1) + ")");
      } else {
        name.append(c);
      }
    }
    throw syntax(text, "the quoted name at character " + (start + 1) + " is not closed");
  }

  private static int index(String text, String digits) {
    if (digits.isEmpty()) {
      return Step.EACH;
    }
    if (digits.length() > MAX_INDEX_DIGITS || !digits.chars().allMatch(Character::isDigit)) {
      throw syntax(text, "an index must be a number or empty, got [" + digits + "]");
    }
    return Integer.parseInt(digits);
  }

  private static IllegalArgumentException syntax(String text, String problem) {
    return new IllegalArgumentException("bad path \"" + text + "\": " + problem);
  }

  /** The path as written, which is also a CSV column's name. */
  public String text() {
    return text;
  }

  /** The name, when the path is one name (a CSV column); else null. */
  public String singleName() {
    return steps.size() == 1 ? steps.get(0).name() : null;
  }

  boolean hasEach() {
    return steps.stream().anyMatch(step -> step.index() == Step.EACH);
  }

  boolean endsWithIndex() {
    return !steps.get(steps.size() - 1).isName();
  }

  List<Step> steps() {
    return steps;
  }

  /** The value at this path under {@code root}; null when any step is missing or JSON null. */
  public JsonNode resolve(JsonNode root) {
    return resolve(root, 0);
  }

  JsonNode resolve(JsonNode root, int fromStep) {
    JsonNode node = root;
    for (int i = fromStep; i < steps.size() && node != null; i++) {
      Step step = steps.get(i);
      node = step.isName() ? node.get(step.name()) : node.get(step.index());
    }
    return node == null || node.isNull() || node.isMissingNode() ? null : node;
  }

  /** The CSV column this path names: its one name, or the path as written. */
  public String columnName() {
    return singleName() != null ? singleName() : text;
  }

  /** The name of the last step, or null when the path ends with an index. */
  public String lastName() {
    return steps.get(steps.size() - 1).name();
  }

  /**
   * Replaces the value at this path under {@code root} by {@code with}, in every element where the
   * path says {@code []}; does nothing where the path leads nowhere.
   */
  public void replaceIn(JsonNode root, JsonNode with) {
    replaceIn(root, 0, with);
  }

  private void replaceIn(JsonNode node, int at, JsonNode with) {
    if (node == null) {
      return;
    }
    Step step = steps.get(at);
    boolean last = at == steps.size() - 1;
    if (step.index() == Step.EACH && node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (last) {
          array.set(i, with);
        } else {
          replaceIn(array.get(i), at + 1, with);
        }
      }
    } else if (step.isName() && node instanceof ObjectNode object && object.has(step.name())) {
      if (last) {
        object.set(step.name(), with);
      } else {
        replaceIn(object.get(step.name()), at + 1, with);
      }
    } else if (!step.isName() && node instanceof ArrayNode array && step.index() < array.size()) {
      if (last) {
        array.set(step.index(), with);
      } else {
        replaceIn(array.get(step.index()), at + 1, with);
      }
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
