package io.shelfstream.protocols.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What a source says about a product's demand on one day: the local date of {@code occurredAt} (the
 * feed's own date, in the offset it was given). Optional measures are null when absent. {@code
 * marketTrend} and {@code socialSentiment} are in [-1, 1], {@code competitorPrice} is at least 0.
 */
public record DemandSignal(
    String eventId,
    String source,
    OffsetDateTime occurredAt,
    String productId,
    ExternalDemand externalDemand,
    BigDecimal marketTrend,
    BigDecimal competitorPrice,
    BigDecimal weatherFactor,
    BigDecimal eventImpact,
    BigDecimal socialSentiment)
    implements RetailEvent {

  public DemandSignal {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(externalDemand, "externalDemand");
  }

  /** The day the signal is about. */
  public LocalDate date() {
    return occurredAt.toLocalDate();
  }

  @Override
  public String entityId() {
    return productId;
  }
}
