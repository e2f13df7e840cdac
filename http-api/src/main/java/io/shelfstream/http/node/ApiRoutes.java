package io.shelfstream.http.node;

import io.shelfstream.engine.secrets.KnownSecrets;
import io.shelfstream.http.auth.Guard;
import io.shelfstream.http.json.Json;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.pattern.AskTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every route of a node, with errors answered as JSON. */
final class ApiRoutes extends AllDirectives {
  private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);

  static Route of(Guard guard, Route... routes) {
    return new ApiRoutes().wrap(guard, routes);
  }

  private Route wrap(Guard guard, Route... routes) {
    ExceptionHandler errors =
        ExceptionHandler.newBuilder()
            .match(
                Throwable.class,
                error -> {
                  Throwable cause =
                      error instanceof CompletionException && error.getCause() != null
                          ? error.getCause()
                          : error;
                  if (cause instanceof AskTimeoutException || cause instanceof TimeoutException) {
                    return complete(
                        Json.error(
                            StatusCodes.SERVICE_UNAVAILABLE, "timed out: " + cause.getMessage()));
                  }
                  log.error("request failed", cause);
                  return complete(
                      Json.error(
                          StatusCodes.INTERNAL_SERVER_ERROR,
                          cause.getClass().getSimpleName()
                              + ": "
                              + KnownSecrets.mask(cause.getMessage())));
                })
            .build();
    // the guard sees the final answers, for its audit trail
    return guard.wrap(
        () ->
            handleExceptions(
                errors,
                () ->
                    handleRejections(
                        RejectionHandler.defaultHandler(),
                        () ->
                            concat(
                                routes[0],
                                java.util.Arrays.copyOfRange(routes, 1, routes.length)))));
  }
}
