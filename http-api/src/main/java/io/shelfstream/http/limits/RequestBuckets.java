package io.shelfstream.http.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each request takes a token, tokens come back at the limit's rate up to
 * its burst. One check per request, none per line. A bucket that has refilled is forgotten, so the
 * clients remembered are those that made requests within the last burst / rate seconds.
 */
public final class RequestBuckets {
  private static final int SWEEP_ABOVE = 10_000;

  private final RateLimit limit;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** What the bucket says of one request. */
  public sealed interface Verdict {}

  public record Allowed() implements Verdict {}

  /** Refused: a token comes back after {@code retryAfter}. */
  public record Limited(String client, Duration retryAfter) implements Verdict {}

  private record Bucket(double tokens, long atNanos) {}

  public RequestBuckets(RateLimit limit, LongSupplier nanoTime) {
    this.limit = limit;
    this.nanoTime = nanoTime;
  }

  public static RequestBuckets system(RateLimit limit) {
    return new RequestBuckets(limit, System::nanoTime);
  }

  public Verdict take(String client) {
    if (!limit.enabled()) {
      return new Allowed();
    }
    long now = nanoTime.getAsLong();
    boolean[] allowed = {false};
    Bucket after =
        buckets.compute(
            client,
            (name, bucket) -> {
              double tokens = refilled(bucket, now);
              allowed[0] = tokens >= 1;
              return new Bucket(allowed[0] ? tokens - 1 : tokens, now);
            });
    if (buckets.size() > SWEEP_ABOVE) {
      buckets.values().removeIf(bucket -> refilled(bucket, now) >= limit.burst());
    }
    if (allowed[0]) {
      return new Allowed();
    }
    double secondsToToken = (1 - after.tokens()) / limit.requestsPerSecond();
    return new Limited(client, Duration.ofNanos((long) Math.ceil(secondsToToken * 1e9)));
  }

  /** Clients with a bucket not yet refilled. */
  public int remembered() {
    return buckets.size();
  }

  private double refilled(Bucket bucket, long now) {
    if (bucket == null) {
      return limit.burst();
    }
    double seconds = (now - bucket.atNanos()) / 1e9;
    return Math.min(limit.burst(), bucket.tokens() + seconds * limit.requestsPerSecond());
  }
}
