package io.shelfstream.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void aClientGetsItsBurstThenWaitsForTheRefillWhileOthersAreUntouched() {
    var now = new AtomicLong();
    var limiter = new RateLimiter(2, 3, now::get);

    assertThat(limiter.take("a")).isZero();
    assertThat(limiter.take("a")).isZero();
    assertThat(limiter.take("a")).isZero();
    assertThat(limiter.take("a")).isEqualTo(1);
    assertThat(limiter.take("b")).isZero();

    now.addAndGet(500_000_000L); // half a second: one request back at 2 per second
    assertThat(limiter.take("a")).isZero();
    assertThat(limiter.take("a")).isEqualTo(1);

    now.addAndGet(60_000_000_000L); // a minute: the bucket is full again, not fuller
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.take("a")).isZero();
    }
    assertThat(limiter.take("a")).isEqualTo(1);
  }

  @Test
  void theWaitIsRoundedUpToWholeSeconds() {
    var limiter = new RateLimiter(0.1, 1, () -> 0L);
    assertThat(limiter.take("slow")).isZero();
    assertThat(limiter.take("slow")).isEqualTo(10);
  }
}
