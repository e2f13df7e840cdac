package io.shelfstream.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WritePermitsTest {

  @Test
  void aBatchWaitsUntilItsEventsFitAndWaitersAreServedInOrder() {
    var permits = new WritePermits(10);
    CompletableFuture<WritePermits.Grant> eight = permits.acquire(8).toCompletableFuture();
    assertThat(eight).isCompleted();

    CompletableFuture<WritePermits.Grant> five = permits.acquire(5).toCompletableFuture();
    CompletableFuture<WritePermits.Grant> one = permits.acquire(1).toCompletableFuture();
    assertThat(five).isNotCompleted();
    assertThat(one).as("no overtaking: a small batch waits behind a large one").isNotCompleted();

    eight.join().releaseAll();
    assertThat(five).isCompleted();
    assertThat(one).isCompleted();
    assertThat(permits.available()).isEqualTo(4);
  }

  @Test
  void aBatchGivesItsPermitsBackAsItsEventsAreAnswered() {
    var permits = new WritePermits(10);
    WritePermits.Grant first = permits.acquire(8).toCompletableFuture().join();
    CompletableFuture<WritePermits.Grant> next = permits.acquire(6).toCompletableFuture();

    first.release(3); // one entity answered 3 of the 8 events
    assertThat(next).as("5 free, 6 wanted").isNotCompleted();
    first.release(1);
    assertThat(next)
        .as("the next batch starts while 4 events of the first are on their way")
        .isCompleted();
    assertThat(permits.available()).isZero();

    first.release(4);
    first.releaseAll();
    first.release(2);
    assertThat(permits.available())
        .as("a grant gives back what it took, however often it is released")
        .isEqualTo(4);
  }

  @Test
  void aBatchLargerThanTheCapacityTakesAllOfIt() {
    var permits = new WritePermits(10);
    CompletableFuture<WritePermits.Grant> large = permits.acquire(50).toCompletableFuture();
    assertThat(large).isCompleted();
    assertThat(permits.available()).isZero();
    CompletableFuture<WritePermits.Grant> next = permits.acquire(1).toCompletableFuture();
    assertThat(next).isNotCompleted();
    large.join().release(50);
    assertThat(next).isCompleted();
    assertThat(permits.available()).isEqualTo(9);
  }
}
