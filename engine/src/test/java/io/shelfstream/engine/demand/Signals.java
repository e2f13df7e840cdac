package io.shelfstream.engine.demand;

import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.protocols.event.ExternalDemand;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Demand signals the demand tests share. */
final class Signals {
  private Signals() {}

  static SignalRecorded signal(String source, String id, String at, ExternalDemand demand) {
    return new SignalRecorded(
        new Stamp(source, id, OffsetDateTime.parse(at)),
        demand,
        new BigDecimal("0.25"),
        new BigDecimal("12.50"),
        null,
        BigDecimal.ONE,
        new BigDecimal("-0.5"));
  }
}
