package io.shelfstream.http.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client identity (a token id, a JWT subject): {@code burst} requests at once,
 * refilled at {@code perSecond}. A refused request was not read, so nothing it carried was taken.
 */
public final class RateLimiter {
  private final double perSecond;
  private final int burst;
  private final LongSupplier nanos;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(double perSecond, int burst, LongSupplier nanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanos = nanos;
  }

  /** 0 when the request may go; otherwise whole seconds until it may, at least 1. */
  public long take(String client) {
    return buckets.computeIfAbsent(client, key -> new Bucket(burst, nanos.getAsLong())).take();
  }

  private final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    synchronized long take() {
      long now = nanos.getAsLong();
      tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
      refilledAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
  }
}
