package io.shelfstream.engine.demand;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.shelfstream.engine.dedupe.IdMemory;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.serialization.CborSerializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.pekko.persistence.typed.SnapshotAdapter;

/**
 * A product's demand signals: for each date, the signal that wins by the last-write-wins order
 * (docs/golden-record.md), so the result depends only on the set of signals received. Mutable, as
 * {@link io.shelfstream.engine.store.StoreState} is and for the same reason (an immutable copy per
 * signal would copy every date and remembered id); only its entity's actor touches it, replies
 * carry views, and a snapshot takes a copy ({@link #SNAPSHOTS}).
 */
@JsonIgnoreProperties("empty")
public final class DemandState implements CborSerializable {
  /** The state before any signal, shared by every incarnation: never written to. */
  public static final DemandState NONE = new DemandState();

  private final TreeMap<LocalDate, SignalRecorded> byDate = new TreeMap<>();
  private final IdMemory seen;
  private long version;

  public DemandState() {
    this(List.of(), new IdMemory(), 0);
  }

  /** As a snapshot stored it: the winning signals (their dates derive from them). */
  @JsonCreator
  DemandState(
      @JsonProperty("signals") List<SignalRecorded> signals,
      @JsonProperty("seen") IdMemory seen,
      @JsonProperty("version") long version) {
    signals.forEach(signal -> byDate.put(signal.date(), signal));
    this.seen = seen;
    this.version = version;
    // every signal applied was added to the memory: those it no longer holds, it forgot
    seen.assumeForgottenThrough(version - seen.size());
  }

  public DemandState copy() {
    return new DemandState(signals(), seen.copy(), version);
  }

  /** The winning signal of each date, by date ascending. */
  @JsonProperty("signals")
  public List<SignalRecorded> signals() {
    return new ArrayList<>(byDate.values());
  }

  @JsonProperty("seen")
  private IdMemory seenAsJson() {
    return seen;
  }

  /** Signals applied so far, winning or not. */
  @JsonProperty("version")
  public long version() {
    return version;
  }

  public boolean isEmpty() {
    return version == 0;
  }

  /** As far as the product's memory of ids can tell: see {@link IdMemory#recall}. */
  public IdMemory.Recall recall(String source, String eventId, long epochMilli) {
    return seen.recall(source, eventId, epochMilli);
  }

  public DemandState writable() {
    return this == NONE ? new DemandState() : this;
  }

  /** Applies {@code signal} in place: it replaces its date's signal if it is later. */
  public DemandState apply(SignalRecorded signal, GoldenRecordSettings settings) {
    if (this == NONE) {
      throw new IllegalStateException("DemandState.NONE is shared: apply to writable()");
    }
    byDate.merge(
        signal.date(),
        signal,
        (current, candidate) ->
            settings.ranking().lastWriteWins().compare(candidate.stamp(), current.stamp()) > 0
                ? candidate
                : current);
    seen.add(signal.stamp(), settings.dedupe());
    version++;
    return this;
  }

  public DemandSignalsView view(String productId) {
    return DemandSignalsView.of(productId, byDate.values(), version);
  }

  public static final SnapshotAdapter<DemandState> SNAPSHOTS =
      new SnapshotAdapter<>() {
        @Override
        public Object toJournal(DemandState state) {
          return state.copy();
        }

        @Override
        public DemandState fromJournal(Object from) {
          // a snapshot store in memory (the tests') hands back the object it was given
          return ((DemandState) from).copy();
        }
      };
}
