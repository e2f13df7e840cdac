package io.shelfstream.protocols.mapping.spec;

/**
 * One thing wrong with a mapping, found when it is compiled. {@code field} is the target field (or
 * {@code fields[2]} when its target is unreadable, or {@code mapping}/{@code each} for the mapping
 * as a whole).
 */
public record SpecProblem(String field, String problem) {
  @Override
  public String toString() {
    return field + ": " + problem;
  }
}
