package io.shelfstream.protocols.pos;

/** One problem with one field of an input record; {@code field} is "line" for the whole line. */
public record FieldError(String field, String reason) {
  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
