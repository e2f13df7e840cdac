package io.shelfstream.protocols.pos;

import io.shelfstream.protocols.event.DemandSignal;
import io.shelfstream.protocols.event.ExternalDemand;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.function.Predicate;

/** The fields of a {@code demand} line (docs/pos-wire-format.md). */
final class DemandLine {
  private static final BigDecimal MINUS_ONE = BigDecimal.ONE.negate();
  private static final Predicate<BigDecimal> UNIT_RANGE =
      n -> n.compareTo(MINUS_ONE) >= 0 && n.compareTo(BigDecimal.ONE) <= 0;
  private static final String UNIT_RANGE_TEXT = "a number from -1 to 1";

  private DemandLine() {}

  /** The signal, or null with the problems in {@code fields}. */
  static DemandSignal decode(
      String eventId, String source, OffsetDateTime occurredAt, LineFields fields) {
    String productId = fields.requiredId("productId");
    ExternalDemand demand = externalDemand(fields);
    BigDecimal marketTrend = fields.optionalNumber("marketTrend", UNIT_RANGE, UNIT_RANGE_TEXT);
    BigDecimal competitorPrice = fields.optionalNonNegativeNumber("competitorPrice");
    BigDecimal weatherFactor = fields.optionalNumber("weatherFactor", n -> true, "a number");
    BigDecimal eventImpact = fields.optionalNumber("eventImpact", n -> true, "a number");
    BigDecimal socialSentiment =
        fields.optionalNumber("socialSentiment", UNIT_RANGE, UNIT_RANGE_TEXT);
    if (!fields.errors().isEmpty()) {
      return null;
    }
    return new DemandSignal(
        eventId,
        source,
        occurredAt,
        productId,
        demand,
        marketTrend,
        competitorPrice,
        weatherFactor,
        eventImpact,
        socialSentiment);
  }

  private static ExternalDemand externalDemand(LineFields fields) {
    String text = fields.requiredText("externalDemand", 64);
    if (text == null) {
      return null;
    }
    var demand = ExternalDemand.fromWireName(text);
    if (demand.isEmpty()) {
      fields.error("externalDemand", "must be one of high, medium, low, got \"" + text + "\"");
    }
    return demand.orElse(null);
  }
}
