package io.shelfstream.http.auth.tokens;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.shelfstream.http.json.Json;
import io.shelfstream.persistence.auth.StoredToken;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code POST /v1/tokens} (answers the new token once), {@code GET /v1/tokens} (without secrets)
 * and {@code DELETE /v1/tokens/{id}} (revokes at once on this node). Admin only, by the guard.
 */
public final class TokenRoutes extends AllDirectives {
  private static final long MAX_BODY_BYTES = 64 * 1024;
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  private final TokenRegistry tokens;

  public TokenRoutes(TokenRegistry tokens) {
    this.tokens = tokens;
  }

  public Route route() {
    return pathPrefix(
        segment("v1").slash("tokens"),
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        concat(
                            get(
                                () ->
                                    completeWithFuture(
                                        tokens
                                            .list()
                                            .thenApply(
                                                all ->
                                                    Json.ok(
                                                        Map.of(
                                                            "tokens",
                                                            all.stream()
                                                                .map(TokenRoutes::view)
                                                                .toList()))))),
                            post(this::create))),
                path(
                    PathMatchers.segment(),
                    id ->
                        delete(
                            () ->
                                completeWithFuture(
                                    tokens
                                        .revoke(id)
                                        .thenApply(
                                            revoked ->
                                                revoked
                                                    ? HttpResponse.create()
                                                        .withStatus(StatusCodes.NO_CONTENT)
                                                    : Json.error(
                                                        StatusCodes.NOT_FOUND,
                                                        "no active token " + id)))))));
  }

  private Route create() {
    return extractRequestEntity(
        entity ->
            extractMaterializer(
                materializer ->
                    onComplete(
                        entity
                            .withSizeLimit(MAX_BODY_BYTES)
                            .toStrict(READ_TIMEOUT.toMillis(), materializer),
                        read -> {
                          if (read.isFailure()) {
                            return complete(
                                Json.error(
                                    StatusCodes.BAD_REQUEST,
                                    "the body could not be read whole (at most "
                                        + MAX_BODY_BYTES
                                        + " bytes): "
                                        + read.failed().get().getMessage()));
                          }
                          TokenRequest request;
                          try {
                            request = TokenRequest.parse(read.get().getData().toArray());
                          } catch (IllegalArgumentException invalid) {
                            return complete(
                                Json.error(StatusCodes.BAD_REQUEST, invalid.getMessage()));
                          }
                          return completeWithFuture(created(request));
                        })));
  }

  private java.util.concurrent.CompletionStage<HttpResponse> created(TokenRequest request) {
    return tokens
        .create(request.role(), request.name(), request.sources(), request.stores())
        .thenApply(
            created -> {
              Map<String, Object> body = view(created.stored());
              body.put("token", created.token());
              body.put("note", "shown once: keep it now, only its hash is stored");
              return Json.response(StatusCodes.CREATED, body);
            });
  }

  private static Map<String, Object> view(StoredToken token) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", token.id());
    view.put("name", token.name());
    view.put("role", token.role());
    view.put("sources", token.sources());
    view.put("stores", token.stores());
    view.put("createdAt", token.createdAt());
    view.put("revokedAt", token.revokedAt().orElse(null));
    return view;
  }
}
