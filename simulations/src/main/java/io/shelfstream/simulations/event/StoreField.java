package io.shelfstream.simulations.event;

/** The store master-data fields, each merged on its own by the node. */
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
}
