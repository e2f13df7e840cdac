package io.shelfstream.protocols.event;

import java.util.Optional;

/** How strong a source judges a product's demand outside the stores' own sales. */
public enum ExternalDemand {
  HIGH("high"),
  MEDIUM("medium"),
  LOW("low");

  private final String wireName;

  ExternalDemand(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ExternalDemand> fromWireName(String name) {
    for (ExternalDemand demand : values()) {
      if (demand.wireName.equals(name)) {
        return Optional.of(demand);
      }
    }
    return Optional.empty();
  }
}
