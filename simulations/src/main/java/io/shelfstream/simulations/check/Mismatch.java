package io.shelfstream.simulations.check;

import java.util.List;

/** One golden record that differs from ground truth, with every difference found in it. */
public record Mismatch(String entity, List<String> differences) {

  public Mismatch {
    differences = List.copyOf(differences);
  }

  @Override
  public String toString() {
    return entity + ": " + String.join("; ", differences);
  }
}
