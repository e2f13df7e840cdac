package io.shelfstream.http.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestBucketsTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RequestBuckets buckets = new RequestBuckets(new RateLimit(true, 2, 3), now::get);

  @Test
  void aClientHasItsBurstThenWaitsForTheRate() {
    for (int i = 0; i < 3; i++) {
      assertThat(buckets.take("a")).isInstanceOf(RequestBuckets.Allowed.class);
    }
    var limited = buckets.take("a");
    assertThat(limited).isEqualTo(new RequestBuckets.Limited("a", Duration.ofMillis(500)));

    now.addAndGet(Duration.ofMillis(500).toNanos());
    assertThat(buckets.take("a")).isInstanceOf(RequestBuckets.Allowed.class);
    assertThat(buckets.take("a")).isInstanceOf(RequestBuckets.Limited.class);
  }

  @Test
  void clientsHaveBucketsOfTheirOwn() {
    for (int i = 0; i < 3; i++) {
      buckets.take("a");
    }
    assertThat(buckets.take("a")).isInstanceOf(RequestBuckets.Limited.class);
    assertThat(buckets.take("b")).isInstanceOf(RequestBuckets.Allowed.class);
  }

  @Test
  void aRefusedRequestTakesNoToken() {
    for (int i = 0; i < 3; i++) {
      buckets.take("a");
    }
    for (int i = 0; i < 100; i++) {
      buckets.take("a");
    }
    now.addAndGet(Duration.ofMillis(500).toNanos());
    assertThat(buckets.take("a")).isInstanceOf(RequestBuckets.Allowed.class);
  }

  @Test
  void manyClientsAreForgottenOnceTheirBucketsRefill() {
    for (int i = 0; i < 10_001; i++) {
      buckets.take("client-" + i);
    }
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    buckets.take("late");
    assertThat(buckets.remembered()).isEqualTo(1);
  }

  @Test
  void offAllowsEverything() {
    var off = new RequestBuckets(new RateLimit(false, 0, 0), now::get);
    for (int i = 0; i < 10_000; i++) {
      assertThat(off.take("a")).isInstanceOf(RequestBuckets.Allowed.class);
    }
  }

  @Test
  void aLimitThatAdmitsNothingIsRefusedAtStart() {
    assertThatThrownBy(() -> new RateLimit(true, 0, 10))
        .hasMessageContaining("requests-per-second must be above 0");
    assertThatThrownBy(() -> new RateLimit(true, 5, 0)).hasMessageContaining("burst");
  }
}
