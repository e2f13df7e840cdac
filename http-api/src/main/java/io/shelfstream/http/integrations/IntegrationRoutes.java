package io.shelfstream.http.integrations;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.Integrations;
import io.shelfstream.engine.integration.InvalidIntegrationException;
import io.shelfstream.http.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Managing integrations: list, status, create or replace, delete, pause, resume, trigger, test. A
 * body is JSON data of at most 64 KiB, checked without waiting on any broker; a status answers with
 * what is known at once.
 */
public final class IntegrationRoutes extends AllDirectives {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Integrations integrations;
  private final ManagementBody body = new ManagementBody();

  public IntegrationRoutes(Integrations integrations) {
    this.integrations = integrations;
  }

  public Route route() {
    return pathPrefix(
        segment("v1").slash("integrations"),
        () ->
            concat(
                pathEndOrSingleSlash(() -> get(this::list)),
                pathPrefix(
                    PathMatchers.segment(),
                    id ->
                        concat(
                            pathEnd(
                                () ->
                                    concat(
                                        get(
                                            () ->
                                                completeWithFuture(
                                                    found(integrations.status(id), Json::ok, id))),
                                        put(() -> body.bytes(bytes -> put(id, bytes))),
                                        delete(
                                            () ->
                                                completeWithFuture(
                                                    found(
                                                        integrations.delete(id),
                                                        done ->
                                                            HttpResponse.create()
                                                                .withStatus(StatusCodes.NO_CONTENT),
                                                        id))))),
                            path(
                                "pause", () -> post(() -> completeWithFuture(setPaused(id, true)))),
                            path(
                                "resume",
                                () -> post(() -> completeWithFuture(setPaused(id, false)))),
                            path(
                                "trigger",
                                () ->
                                    post(
                                        () ->
                                            completeWithFuture(
                                                found(
                                                    integrations.trigger(id),
                                                    reply ->
                                                        Json.response(
                                                            reply.triggered()
                                                                ? StatusCodes.OK
                                                                : StatusCodes.CONFLICT,
                                                            reply),
                                                    id)))),
                            path(
                                "test",
                                () ->
                                    post(
                                        () ->
                                            completeWithFuture(
                                                found(integrations.test(id), Json::ok, id))))))));
  }

  private Route list() {
    return completeWithFuture(
        integrations.list().thenApply(all -> Json.ok(Map.of("integrations", all))));
  }

  /** Validates and records at once; answers with the status as it is then. */
  private Route put(String id, byte[] bytes) {
    if (!ID.matcher(id).matches()) {
      return complete(
          invalid(List.of(new ConfigError("id", "must be 1-64 letters, digits, '.', '_' or '-'"))));
    }
    return completeWithFuture(
        integrations
            .put(id, bytes)
            .thenCompose(done -> integrations.status(id))
            .thenApply(status -> Json.ok(status.orElseThrow()))
            .exceptionally(
                error -> {
                  Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                  if (cause instanceof InvalidIntegrationException invalid) {
                    return invalid(invalid.errors());
                  }
                  throw error instanceof CompletionException wrapped
                      ? wrapped
                      : new CompletionException(error);
                }));
  }

  private CompletionStage<HttpResponse> setPaused(String id, boolean paused) {
    return integrations
        .setPaused(id, paused)
        .thenCompose(
            done ->
                done.isPresent()
                    ? integrations
                        .settledStatus(id)
                        .thenApply(status -> Json.ok(status.orElseThrow()))
                    : CompletableFuture.completedFuture(notFound(id)));
  }

  private static <T> CompletionStage<HttpResponse> found(
      CompletionStage<Optional<T>> result, Function<T, HttpResponse> respond, String id) {
    return result.thenApply(value -> value.map(respond).orElseGet(() -> notFound(id)));
  }

  private static HttpResponse notFound(String id) {
    return Json.error(StatusCodes.NOT_FOUND, "no integration " + id);
  }

  private static HttpResponse invalid(List<ConfigError> errors) {
    return Json.response(
        StatusCodes.BAD_REQUEST, Map.of("error", "invalid integration", "errors", errors));
  }
}
