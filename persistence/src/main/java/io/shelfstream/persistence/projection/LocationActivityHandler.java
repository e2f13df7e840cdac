package io.shelfstream.persistence.projection;

import io.shelfstream.engine.inventory.LocationInventory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Adds a group of journaled inventory events to {@code location_activity}, one MERGE per location
 * (an envelope carries the events of one entity's command, or one event in older journals), in the
 * transaction that also stores the projection's offset: each event is counted exactly once, also
 * across restarts. It writes only its own slice's rows, so that instances never contend.
 */
final class LocationActivityHandler
    extends JdbcHandler<List<EventEnvelope<LocationInventory.Journaled>>, PooledJdbcSession> {

  // standard MERGE: PostgreSQL 15 and H2 both run it
  private static final String MERGE =
      """
      MERGE INTO location_activity AS t
      USING (VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)) AS s(location_id, slice, events, counts,
            units_sold, units_returned, units_received, units_adjusted, last_event_at)
      ON t.location_id = s.location_id AND t.slice = s.slice
      WHEN MATCHED THEN UPDATE SET
        events = t.events + s.events,
        counts = t.counts + s.counts,
        units_sold = t.units_sold + s.units_sold,
        units_returned = t.units_returned + s.units_returned,
        units_received = t.units_received + s.units_received,
        units_adjusted = t.units_adjusted + s.units_adjusted,
        last_event_at = GREATEST(t.last_event_at, s.last_event_at)
      WHEN NOT MATCHED THEN INSERT (location_id, slice, events, counts, units_sold,
                                    units_returned, units_received, units_adjusted, last_event_at)
        VALUES (s.location_id, s.slice, s.events, s.counts, s.units_sold, s.units_returned,
                s.units_received, s.units_adjusted, s.last_event_at)
      """;

  private final int slice;

  LocationActivityHandler(int slice) {
    this.slice = slice;
  }

  @Override
  public void process(
      PooledJdbcSession session, List<EventEnvelope<LocationInventory.Journaled>> envelopes)
      throws Exception {
    Map<String, LocationActivity> byLocation = new LinkedHashMap<>();
    for (EventEnvelope<LocationInventory.Journaled> envelope : envelopes) {
      String locationId = LocationInventory.locationOf(envelope.persistenceId());
      for (LocationInventory.Event event : envelope.event().events()) {
        byLocation.merge(locationId, of(locationId, event), LocationActivity::plus);
      }
    }
    session.withConnection(
        connection -> {
          merge(connection, slice, byLocation.values());
          return null;
        });
  }

  private static void merge(Connection connection, int slice, Iterable<LocationActivity> activities)
      throws java.sql.SQLException {
    try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
      for (LocationActivity activity : activities) {
        merge.setString(1, activity.locationId());
        merge.setInt(2, slice);
        merge.setLong(3, activity.events());
        merge.setLong(4, activity.counts());
        merge.setLong(5, activity.unitsSold());
        merge.setLong(6, activity.unitsReturned());
        merge.setLong(7, activity.unitsReceived());
        merge.setLong(8, activity.unitsAdjusted());
        merge.setObject(9, activity.lastEventAt());
        merge.addBatch();
      }
      merge.executeBatch();
    }
  }

  private static LocationActivity of(String locationId, LocationInventory.Event event) {
    var at = event.stamp().occurredAt();
    if (event instanceof LocationInventory.CountRecorded) {
      return new LocationActivity(locationId, 1, 1, 0, 0, 0, 0, at);
    }
    var movement = (LocationInventory.MovementRecorded) event;
    long qty = movement.qty();
    return switch (movement.kind()) {
      case SALE -> new LocationActivity(locationId, 1, 0, qty, 0, 0, 0, at);
      case RETURN -> new LocationActivity(locationId, 1, 0, 0, qty, 0, 0, at);
      case RECEIPT -> new LocationActivity(locationId, 1, 0, 0, 0, qty, 0, at);
      case ADJUSTMENT -> new LocationActivity(locationId, 1, 0, 0, 0, 0, qty, at);
    };
  }
}
