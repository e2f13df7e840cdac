package io.shelfstream.http.records;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.shelfstream.http.json.Json;
import io.shelfstream.persistence.projection.LocationActivityProjection;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /v1/locations/{locationId}/activity}: the location-activity read model, which follows
 * the journal a moment behind it.
 */
public final class ActivityRoutes extends AllDirectives {
  private final LocationActivityProjection activity;

  public ActivityRoutes(LocationActivityProjection activity) {
    this.activity = activity;
  }

  public Route route() {
    return path(
        segment("v1").slash("locations").slash(PathMatchers.segment()).slash("activity"),
        locationId ->
            get(
                () ->
                    completeWithFuture(
                        activity
                            .activity(locationId)
                            .thenApply(
                                found ->
                                    found
                                        .map(Json::ok)
                                        .orElseGet(
                                            () ->
                                                Json.error(
                                                    StatusCodes.NOT_FOUND,
                                                    "no activity recorded for location "
                                                        + locationId))))));
  }
}
