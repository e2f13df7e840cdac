package io.shelfstream.engine.store;

import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.store.Store.StoreUpdated;
import io.shelfstream.protocols.event.StoreField;
import java.time.OffsetDateTime;
import java.util.Map;

/** Store updates the store tests share: two sources describing the same store. */
final class StoreUpdates {
  static final StoreUpdated ERP =
      update(
          "erp",
          "m1",
          "2026-01-01T00:00:00Z",
          Map.of(StoreField.NAME, "Lyon Part-Dieu", StoreField.TIMEZONE, "Europe/Paris"));
  static final StoreUpdated POS =
      update(
          "pos",
          "m2",
          "2026-01-05T00:00:00+01:00",
          Map.of(StoreField.NAME, "LYON PD", StoreField.STATUS, "open"));

  private StoreUpdates() {}

  static StoreUpdated update(String source, String id, String at, Map<StoreField, String> fields) {
    return new StoreUpdated(new Stamp(source, id, OffsetDateTime.parse(at)), fields);
  }
}
