package io.shelfstream.protocols.mapping.pii;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a mapping does with a field marked {@code "pii"}: {@code hash} replaces its value by a keyed
 * digest (equal values give equal digests, so a hashed customer id still groups), {@code drop}
 * reads and checks it but keeps it out of the event. Either way the sources it reads are masked in
 * the dead letters.
 */
public enum PiiRule {
  HASH("hash"),
  DROP("drop");

  private final String specName;

  PiiRule(String specName) {
    this.specName = specName;
  }

  public String specName() {
    return specName;
  }

  public static Optional<PiiRule> fromSpecName(String name) {
    return Arrays.stream(values()).filter(rule -> rule.specName.equals(name)).findFirst();
  }
}
