package io.shelfstream.http.health;

import io.shelfstream.http.json.Json;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /health}: 200 once the node can take traffic (it is an Up member of its cluster and
 * its database answers), 503 with the reason otherwise.
 */
public final class HealthRoute extends AllDirectives {
  private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(3);

  private final ActorSystem<?> system;
  private final DataSource database;
  private final Executor blocking;

  public HealthRoute(ActorSystem<?> system, DataSource database, Executor blocking) {
    this.system = system;
    this.database = database;
    this.blocking = blocking;
  }

  public Route route() {
    return path("health", () -> get(() -> completeWithFuture(check())));
  }

  private CompletionStage<HttpResponse> check() {
    MemberStatus status = Cluster.get(system).selfMember().status();
    if (status != MemberStatus.up()) {
      return CompletableFuture.completedFuture(
          Json.response(
              StatusCodes.SERVICE_UNAVAILABLE,
              Map.of("status", "down", "reason", "cluster member is " + status)));
    }
    return CompletableFuture.supplyAsync(this::databaseAnswers, blocking)
        .orTimeout(DATABASE_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .handle(
            (ok, error) ->
                error == null && ok
                    ? Json.ok(Map.of("status", "up"))
                    : Json.response(
                        StatusCodes.SERVICE_UNAVAILABLE,
                        Map.of(
                            "status",
                            "down",
                            "reason",
                            "database: "
                                + (error == null ? "connection not valid" : rootMessage(error)))));
  }

  private boolean databaseAnswers() {
    try (Connection connection = database.getConnection()) {
      return connection.isValid((int) DATABASE_TIMEOUT.toSeconds());
    } catch (java.sql.SQLException e) {
      throw new java.util.concurrent.CompletionException(e);
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
