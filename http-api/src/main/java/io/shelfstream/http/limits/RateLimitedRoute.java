package io.shelfstream.http.limits;

import io.shelfstream.http.json.Json;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Answers 429 with {@code Retry-After} to a client past its {@link RateLimit}, before the request's
 * body is read, so that nothing of it is taken and the client can send it again whole.
 */
public final class RateLimitedRoute extends AllDirectives {
  private final RequestBuckets buckets;
  private final Function<HttpRequest, String> clientOf;

  /** {@code clientOf} names the client a request counts against (its credential or address). */
  public RateLimitedRoute(RequestBuckets buckets, Function<HttpRequest, String> clientOf) {
    this.buckets = buckets;
    this.clientOf = clientOf;
  }

  public Route around(Route inner) {
    return extractRequest(
        request -> {
          if (buckets.take(clientOf.apply(request)) instanceof RequestBuckets.Limited limited) {
            return complete(refusal(limited));
          }
          return inner;
        });
  }

  static HttpResponse refusal(RequestBuckets.Limited limited) {
    long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
    return Json.error(
            StatusCodes.TOO_MANY_REQUESTS,
            "too many requests from "
                + limited.client()
                + " (shelfstream.api.rate-limit); nothing of this one was read: send it again in "
                + seconds
                + " s")
        .addHeader(RetryAfter.create(seconds))
        .addHeader(Connection.create("close"));
  }
}
