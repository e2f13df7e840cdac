package io.shelfstream.engine.demand;

import io.shelfstream.engine.dedupe.EventKey;
import io.shelfstream.engine.dedupe.IndexedEvents;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.serialization.CborSerializable;
import io.shelfstream.protocols.event.DemandSignal;
import io.shelfstream.protocols.event.ExternalDemand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The only event of {@link DemandSignals}: one signal about a product, with its provenance. Its
 * date is the local date of its time, in the offset the source gave.
 */
public record SignalRecorded(
    Stamp stamp,
    ExternalDemand externalDemand,
    BigDecimal marketTrend,
    BigDecimal competitorPrice,
    BigDecimal weatherFactor,
    BigDecimal eventImpact,
    BigDecimal socialSentiment)
    implements DemandSignals.Event, CborSerializable, IndexedEvents {

  public static SignalRecorded of(DemandSignal signal) {
    return new SignalRecorded(
        new Stamp(signal.source(), signal.eventId(), signal.occurredAt()),
        signal.externalDemand(),
        signal.marketTrend(),
        signal.competitorPrice(),
        signal.weatherFactor(),
        signal.eventImpact(),
        signal.socialSentiment());
  }

  /** The day the signal is about. */
  public LocalDate date() {
    return stamp.occurredAt().toLocalDate();
  }

  @Override
  public void forEachKey(String persistenceId, Consumer<EventKey> key) {
    key.accept(DemandSignals.keyOf(DemandSignals.productOf(persistenceId), this));
  }
}
