package io.shelfstream.persistence.projection;

import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.inventory.LocationInventory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * The location-activity read model: one projection per inventory tag slice, run as a sharded daemon
 * process so that each slice is followed by exactly one instance in the cluster, exactly once
 * (offsets are stored in the read model's own transaction).
 */
public final class LocationActivityProjection {
  public static final String NAME = "location-activity";
  // each slice keeps its own row per location
  private static final String SELECT =
      "SELECT COUNT(*), SUM(events), SUM(counts), SUM(units_sold), SUM(units_returned),"
          + " SUM(units_received), SUM(units_adjusted), MAX(last_event_at)"
          + " FROM location_activity WHERE location_id = ?";

  private final DataSource dataSource;
  private final Executor blocking;

  private LocationActivityProjection(DataSource dataSource, Executor blocking) {
    this.dataSource = dataSource;
    this.blocking = blocking;
  }

  public static LocationActivityProjection start(
      ActorSystem<?> system,
      DataSource dataSource,
      GoldenRecordSettings settings,
      Executor blocking) {
    try {
      JdbcProjection.createTablesIfNotExists(() -> new PooledJdbcSession(dataSource), system)
          .toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot create the projection offset tables: " + e.getMessage(), e);
    }
    ShardedDaemonProcess.get(system)
        .init(
            ProjectionBehavior.Command.class,
            NAME,
            settings.tagSlices(),
            slice -> ProjectionBehavior.create(projection(system, dataSource, settings, slice)),
            ShardedDaemonProcessSettings.create(system),
            Optional.of(ProjectionBehavior.stopMessage()));
    return new LocationActivityProjection(dataSource, blocking);
  }

  private static org.apache.pekko.projection.Projection<?> projection(
      ActorSystem<?> system, DataSource dataSource, GoldenRecordSettings settings, int slice) {
    String tag = settings.sliceTag(LocationInventory.TAG_PREFIX, slice);
    return JdbcProjection.groupedWithin(
            ProjectionId.of(NAME, tag),
            EventSourcedProvider.<LocationInventory.Journaled>eventsByTag(
                system, JdbcReadJournal.Identifier(), tag),
            () -> new PooledJdbcSession(dataSource),
            () -> new LocationActivityHandler(slice),
            system)
        .withGroup(1000, Duration.ofMillis(250));
  }

  /** The activity of a location as the projection has counted it so far. */
  public CompletionStage<Optional<LocationActivity>> activity(String locationId) {
    return CompletableFuture.supplyAsync(() -> read(locationId), blocking);
  }

  private Optional<LocationActivity> read(String locationId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setString(1, locationId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next() || row.getLong(1) == 0) {
          return Optional.empty();
        }
        return Optional.of(
            new LocationActivity(
                locationId,
                row.getLong(2),
                row.getLong(3),
                row.getLong(4),
                row.getLong(5),
                row.getLong(6),
                row.getLong(7),
                row.getObject(8, OffsetDateTime.class)));
      }
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
  }
}
