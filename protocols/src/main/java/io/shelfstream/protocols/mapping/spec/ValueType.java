package io.shelfstream.protocols.mapping.spec;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a mapped field reads its source value as, once its transforms have run. */
public enum ValueType {
  STRING("string"),
  INTEGER("integer"),
  DECIMAL("decimal"),
  BOOLEAN("boolean"),
  TIMESTAMP("timestamp");

  private final String specName;

  ValueType(String specName) {
    this.specName = specName;
  }

  public String specName() {
    return specName;
  }

  static Optional<ValueType> fromSpecName(String name) {
    return Arrays.stream(values()).filter(type -> type.specName.equals(name)).findFirst();
  }

  static String allNames() {
    return Arrays.stream(values()).map(ValueType::specName).collect(Collectors.joining(", "));
  }
}
