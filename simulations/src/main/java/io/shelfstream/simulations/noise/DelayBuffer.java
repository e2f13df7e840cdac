package io.shelfstream.simulations.noise;

import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Items held until a position in the stream is reached. Ties release in the order they were held,
 * so that the output stays deterministic.
 */
final class DelayBuffer<T> {

  private record Held<T>(long releaseAt, long sequence, T item) {}

  private final PriorityQueue<Held<T>> held =
      new PriorityQueue<>(
          (a, b) ->
              a.releaseAt != b.releaseAt
                  ? Long.compare(a.releaseAt, b.releaseAt)
                  : Long.compare(a.sequence, b.sequence));
  private long sequence;

  void hold(T item, long releaseAt) {
    held.add(new Held<>(releaseAt, sequence++, item));
  }

  void releaseDue(long position, Consumer<T> out) {
    while (!held.isEmpty() && held.peek().releaseAt <= position) {
      out.accept(held.poll().item);
    }
  }

  void releaseAll(Consumer<T> out) {
    while (!held.isEmpty()) {
      out.accept(held.poll().item);
    }
  }
}
