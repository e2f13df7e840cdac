package io.shelfstream.protocols.mapping.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A source path bound to a mapping's fan-out: either read from the whole record, or, when it starts
 * with the fan-out path followed by {@code []} (as {@code line_items[].sku} under {@code "each":
 * "line_items"}), read from one element of that array.
 */
public record SourceRef(SourcePath path, boolean perElement, int elementSteps) {

  /**
   * Binds {@code path} to the fan-out path {@code each} (null without fan-out). Throws {@link
   * IllegalArgumentException} when the path uses {@code []} anywhere but right after {@code each}.
   */
  public static SourceRef bind(SourcePath path, SourcePath each) {
    if (!path.hasEach()) {
      return new SourceRef(path, false, 0);
    }
    if (each == null) {
      throw new IllegalArgumentException(
          "\"" + path.text() + "\" uses [] but the mapping has no \"each\" to fan out on");
    }
    List<SourcePath.Step> steps = path.steps();
    List<SourcePath.Step> prefix = each.steps();
    int n = prefix.size();
    boolean underEach =
        steps.size() > n + 1
            && steps.subList(0, n).equals(prefix)
            && steps.get(n).index() == SourcePath.Step.EACH
            && steps.subList(n + 1, steps.size()).stream()
                .noneMatch(step -> step.index() == SourcePath.Step.EACH);
    if (!underEach) {
      throw new IllegalArgumentException(
          "\""
              + path.text()
              + "\" may use [] only as \""
              + each.text()
              + "[].<field>\", for each element of the fan-out");
    }
    return new SourceRef(path, true, n + 1);
  }

  /** Checks that {@code each} can name an array: a plain path, not an element of one. */
  public static SourcePath fanOut(SourcePath each) {
    if (each.hasEach() || each.endsWithIndex()) {
      throw new IllegalArgumentException(
          "\"" + each.text() + "\" must name an array, not an element of one");
    }
    return each;
  }

  /** The value in {@code element} (for a per-element path) or in {@code record} otherwise. */
  public JsonNode resolveIn(JsonNode element) {
    return path.resolve(element, elementSteps);
  }

  /** The path as it reads for element {@code index}: {@code line_items[2].sku}. */
  public String describe(int index) {
    if (!perElement) {
      return path.text();
    }
    return path.text().replaceFirst("\\[\\]", "[" + index + "]");
  }
}
