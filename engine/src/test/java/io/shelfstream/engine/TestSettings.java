package io.shelfstream.engine;

import io.shelfstream.engine.dedupe.DedupeSettings;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.policy.ConflictPolicy;
import io.shelfstream.engine.policy.SourceRanking;
import io.shelfstream.protocols.event.StoreField;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Golden-record settings for tests, without reading any config. */
public final class TestSettings {
  public static final SourceRanking RANKING = new SourceRanking(List.of("erp", "wms", "pos"));

  private TestSettings() {}

  public static GoldenRecordSettings lastWriteWins() {
    return with(
        new ConflictPolicy.LastWriteWins(RANKING), new DedupeSettings(Duration.ofDays(7), 1000));
  }

  public static GoldenRecordSettings sourcePriority(Duration staleness) {
    return with(
        new ConflictPolicy.SourcePriority(RANKING, staleness),
        new DedupeSettings(Duration.ofDays(7), 1000));
  }

  public static GoldenRecordSettings with(ConflictPolicy policy, DedupeSettings dedupe) {
    Map<StoreField, ConflictPolicy> fields = new EnumMap<>(StoreField.class);
    for (StoreField field : StoreField.values()) {
      fields.put(field, policy);
    }
    return new GoldenRecordSettings(
        RANKING, policy, fields, dedupe, 100, 0, 4, Duration.ofSeconds(20), 2000, 1_000_000);
  }

  /** {@code settings} with at most {@code events} in flight to entities at once. */
  public static GoldenRecordSettings withMaxInFlight(GoldenRecordSettings settings, int events) {
    return new GoldenRecordSettings(
        settings.ranking(),
        settings.onHand(),
        settings.storeFields(),
        settings.dedupe(),
        settings.snapshotEvery(),
        settings.snapshotBytesPerEvent(),
        settings.tagSlices(),
        settings.askTimeout(),
        events,
        settings.recordsInMemory());
  }
}
