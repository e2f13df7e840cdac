package io.shelfstream.engine.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Pekko's Java API hands out stages (asks, stream results) that are Scala futures in disguise:
 * their {@code thenApply}, {@code handle}... run asynchronously on the common pool, which on a
 * machine with fewer than 3 cores means a new thread for every continuation (measured: one thread
 * started per event on the write path). Bridge such a stage once, here, into a plain future
 * completed on the thread that completes it, and chain on that.
 */
public final class DirectStages {
  private DirectStages() {}

  public static <T> CompletableFuture<T> direct(CompletionStage<T> stage) {
    CompletableFuture<T> plain = new CompletableFuture<>();
    stage.whenCompleteAsync(
        (value, error) -> {
          if (error != null) {
            plain.completeExceptionally(error);
          } else {
            plain.complete(value);
          }
        },
        Runnable::run);
    return plain;
  }
}
