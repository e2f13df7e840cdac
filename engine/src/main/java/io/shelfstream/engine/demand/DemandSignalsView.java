package io.shelfstream.engine.demand;

import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.serialization.CborSerializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * A product's demand signals as served: one per date, by date ascending, each with its provenance.
 * {@code version} counts the signals journaled for the product, winning or not.
 */
public record DemandSignalsView(String productId, long version, List<Signal> signals)
    implements CborSerializable {

  public DemandSignalsView {
    signals = List.copyOf(signals);
  }

  /** The signal that won its date; absent measures are null. */
  public record Signal(
      LocalDate date,
      String externalDemand,
      BigDecimal marketTrend,
      BigDecimal competitorPrice,
      BigDecimal weatherFactor,
      BigDecimal eventImpact,
      BigDecimal socialSentiment,
      Stamp provenance) {}

  static DemandSignalsView of(String productId, Collection<SignalRecorded> byDate, long version) {
    return new DemandSignalsView(
        productId,
        version,
        byDate.stream()
            .map(
                signal ->
                    new Signal(
                        signal.date(),
                        signal.externalDemand().wireName(),
                        signal.marketTrend(),
                        signal.competitorPrice(),
                        signal.weatherFactor(),
                        signal.eventImpact(),
                        signal.socialSentiment(),
                        signal.stamp()))
            .toList());
  }
}
