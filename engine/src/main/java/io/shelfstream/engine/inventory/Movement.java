package io.shelfstream.engine.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.shelfstream.engine.policy.Stamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A movement that may still apply: its provenance and its signed change to onHand.
 *
 * <p>One flat object, where a {@link Stamp} would bring five more (its {@link OffsetDateTime} is
 * four): a busy location keeps hundreds of thousands of movements live, which the collector traces
 * and every count's horizon check reads. The stamp is rebuilt when a query asks; a snapshot writes
 * its parts.
 */
public final class Movement {
  private final String source;
  private final String eventId;
  private final long epochSecond;
  private final int nano;
  private final int offsetSeconds;
  private final long delta;

  @JsonCreator
  public Movement(@JsonProperty("stamp") Stamp stamp, @JsonProperty("delta") long delta) {
    OffsetDateTime at = stamp.occurredAt();
    this.source = stamp.source();
    this.eventId = stamp.eventId();
    this.epochSecond = at.toEpochSecond();
    this.nano = at.getNano();
    this.offsetSeconds = at.getOffset().getTotalSeconds();
    this.delta = delta;
  }

  @JsonProperty("stamp")
  public Stamp stamp() {
    return new Stamp(
        source,
        eventId,
        OffsetDateTime.ofInstant(
            Instant.ofEpochSecond(epochSecond, nano), ZoneOffset.ofTotalSeconds(offsetSeconds)));
  }

  @JsonProperty("delta")
  public long delta() {
    return delta;
  }

  public String source() {
    return source;
  }

  public String eventId() {
    return eventId;
  }

  /** When it occurred: epoch seconds, the nanos within, and the offset the source reported. */
  public long epochSecond() {
    return epochSecond;
  }

  public int nano() {
    return nano;
  }

  public int offsetSeconds() {
    return offsetSeconds;
  }

  /**
   * Whether it occurred strictly after the instant {@code (second, nano)} (epoch seconds and the
   * nanos within), as {@link Stamp#isAfter} decides.
   */
  public boolean isAfter(long second, int nanoOfSecond) {
    return epochSecond > second || (epochSecond == second && nano > nanoOfSecond);
  }

  public boolean sameEvent(String otherSource, String otherEventId) {
    return eventId.hashCode() == otherEventId.hashCode()
        && eventId.equals(otherEventId)
        && source.equals(otherSource);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Movement that
        && epochSecond == that.epochSecond
        && nano == that.nano
        && offsetSeconds == that.offsetSeconds
        && delta == that.delta
        && source.equals(that.source)
        && eventId.equals(that.eventId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, eventId, epochSecond, nano, offsetSeconds, delta);
  }

  @Override
  public String toString() {
    return "Movement[stamp=" + stamp() + ", delta=" + delta + "]";
  }
}
