package io.shelfstream.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WritePermitsTest {

  @Test
  void aBatchWaitsUntilItsEventsFitAndWaitersAreServedInOrder() {
    var permits = new WritePermits(10);
    assertThat(permits.acquire(8).toCompletableFuture()).isCompleted();

    CompletableFuture<Void> five = permits.acquire(5).toCompletableFuture();
    CompletableFuture<Void> one = permits.acquire(1).toCompletableFuture();
    assertThat(five).isNotCompleted();
    assertThat(one).as("no overtaking: a small batch waits behind a large one").isNotCompleted();

    permits.release(8);
    assertThat(five).isCompleted();
    assertThat(one).isCompleted();
    assertThat(permits.available()).isEqualTo(4);
  }

  @Test
  void aBatchLargerThanTheCapacityTakesAllOfIt() {
    var permits = new WritePermits(10);
    assertThat(permits.acquire(50).toCompletableFuture()).isCompleted();
    assertThat(permits.available()).isZero();
    CompletableFuture<Void> next = permits.acquire(1).toCompletableFuture();
    assertThat(next).isNotCompleted();
    permits.release(50);
    assertThat(next).isCompleted();
    assertThat(permits.available()).isEqualTo(9);
  }
}
