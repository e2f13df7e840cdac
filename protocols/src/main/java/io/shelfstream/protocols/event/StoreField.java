package io.shelfstream.protocols.event;

import java.util.Optional;

/** The master-data fields of a store; each is merged on its own. */
public enum StoreField {
  NAME("name"),
  ADDRESS("address"),
  TIMEZONE("timezone"),
  STATUS("status");

  private final String wireName;

  StoreField(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<StoreField> fromWireName(String name) {
    for (StoreField field : values()) {
      if (field.wireName.equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }
}
