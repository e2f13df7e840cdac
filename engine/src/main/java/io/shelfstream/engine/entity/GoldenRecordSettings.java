package io.shelfstream.engine.entity;

import com.typesafe.config.Config;
import io.shelfstream.engine.dedupe.DedupeSettings;
import io.shelfstream.engine.policy.ConflictPolicy;
import io.shelfstream.engine.policy.PolicyConfig;
import io.shelfstream.engine.policy.SourceRanking;
import io.shelfstream.protocols.event.StoreField;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** {@code shelfstream.golden-record}: how the golden record merges, remembers and snapshots. */
public record GoldenRecordSettings(
    SourceRanking ranking,
    ConflictPolicy onHand,
    Map<StoreField, ConflictPolicy> storeFields,
    DedupeSettings dedupe,
    int snapshotEvery,
    int snapshotBytesPerEvent,
    int tagSlices,
    Duration askTimeout,
    int maxInFlightEvents,
    int recordsInMemory) {

  public GoldenRecordSettings {
    storeFields = Map.copyOf(storeFields);
    if (snapshotEvery < 1) {
      throw new IllegalArgumentException("snapshot-every must be at least 1");
    }
    if (snapshotBytesPerEvent < 0) {
      throw new IllegalArgumentException("snapshot-bytes-per-event must not be negative");
    }
    if (tagSlices < 1) {
      throw new IllegalArgumentException("tag-slices must be at least 1");
    }
    if (maxInFlightEvents < 1) {
      throw new IllegalArgumentException("max-in-flight-events must be at least 1");
    }
    if (recordsInMemory < 1) {
      throw new IllegalArgumentException("records-in-memory must be at least 1");
    }
  }

  public static GoldenRecordSettings fromConfig(Config root) {
    String path = "shelfstream.golden-record";
    Config config = root.getConfig(path);
    SourceRanking ranking = new SourceRanking(config.getStringList("source-ranking"));
    ConflictPolicy onHand =
        PolicyConfig.read(
            config.getConfig("inventory.on-hand"), path + ".inventory.on-hand", ranking);
    Config store = config.getConfig("store");
    ConflictPolicy storeDefault =
        PolicyConfig.read(store.getConfig("default"), path + ".store.default", ranking);
    Map<StoreField, ConflictPolicy> fields = new EnumMap<>(StoreField.class);
    for (StoreField field : StoreField.values()) {
      String fieldPath = "fields." + field.wireName();
      fields.put(
          field,
          store.hasPath(fieldPath)
              ? PolicyConfig.read(store.getConfig(fieldPath), path + ".store." + fieldPath, ranking)
              : storeDefault);
    }
    return new GoldenRecordSettings(
        ranking,
        onHand,
        fields,
        DedupeSettings.fromConfig(config.getConfig("dedupe")),
        config.getInt("snapshot-every"),
        config.getInt("snapshot-bytes-per-event"),
        config.getInt("tag-slices"),
        config.getDuration("ask-timeout"),
        config.getInt("max-in-flight-events"),
        config.getInt("records-in-memory"));
  }

  /** The tag that puts an entity's events in one of {@code tagSlices} slices for read models. */
  public String sliceTag(String entityType, String entityId) {
    return sliceTag(entityType, Math.floorMod(entityId.hashCode(), tagSlices));
  }

  public String sliceTag(String entityType, int slice) {
    return entityType + "-" + slice;
  }
}
