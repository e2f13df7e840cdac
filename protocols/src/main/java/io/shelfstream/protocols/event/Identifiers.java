package io.shelfstream.protocols.event;

import java.util.Optional;

/** What a location, SKU or store identifier may look like, whichever format it came in. */
public final class Identifiers {
  public static final int MAX_LENGTH = 128;

  private Identifiers() {}

  /** Why {@code id} is not a valid identifier, or empty when it is. */
  public static Optional<String> problem(String id) {
    if (id.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (id.length() > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    Optional<String> text = TextRules.problem(id);
    if (text.isPresent()) {
      return text;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == InventoryKey.SEPARATOR) {
        return Optional.of("must not contain '|'");
      }
      if (Character.isISOControl(c)) {
        return Optional.of("must not contain control characters");
      }
    }
    return Optional.empty();
  }
}
