package io.shelfstream.engine.store;

import io.shelfstream.engine.dedupe.SeenIds;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.policy.Versioned;
import io.shelfstream.engine.record.GoldenRecordSettings;
import io.shelfstream.engine.serialization.CborSerializable;
import io.shelfstream.protocols.event.StoreField;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Each field's latest value per source; the value served is chosen per field by its policy, so
 * fields merge independently and the result does not depend on arrival order.
 */
public record StoreState(
    Map<StoreField, Map<String, Versioned<String>>> fieldsBySource, SeenIds seen, long version)
    implements CborSerializable {

  public static final StoreState EMPTY = new StoreState(Map.of(), SeenIds.EMPTY, 0);

  public StoreState {
    fieldsBySource = Map.copyOf(fieldsBySource);
  }

  public boolean isEmpty() {
    return version == 0;
  }

  public boolean hasSeen(String source, String eventId) {
    return seen.contains(source, eventId);
  }

  public StoreState apply(Store.StoreUpdated event, GoldenRecordSettings settings) {
    Map<StoreField, Map<String, Versioned<String>>> next = new EnumMap<>(StoreField.class);
    next.putAll(fieldsBySource);
    event
        .fields()
        .forEach(
            (field, value) -> {
              Map<String, Versioned<String>> bySource =
                  new HashMap<>(next.getOrDefault(field, Map.of()));
              bySource.merge(
                  event.stamp().source(),
                  new Versioned<>(value, event.stamp()),
                  settings.ranking()::newer);
              next.put(field, Map.copyOf(bySource));
            });
    return new StoreState(next, seen.add(event.stamp(), settings.dedupe()), version + 1);
  }

  public StoreView view(String storeId, GoldenRecordSettings settings) {
    Map<StoreField, String> values = new EnumMap<>(StoreField.class);
    Map<String, Stamp> provenance = new HashMap<>();
    fieldsBySource.forEach(
        (field, bySource) ->
            settings
                .storeFields()
                .get(field)
                .choose(bySource)
                .ifPresent(
                    chosen -> {
                      values.put(field, chosen.value());
                      provenance.put(field.wireName(), chosen.stamp());
                    }));
    return new StoreView(
        storeId,
        values.get(StoreField.NAME),
        values.get(StoreField.ADDRESS),
        values.get(StoreField.TIMEZONE),
        values.get(StoreField.STATUS),
        version,
        provenance);
  }
}
