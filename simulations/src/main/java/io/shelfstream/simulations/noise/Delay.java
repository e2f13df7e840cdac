package io.shelfstream.simulations.noise;

import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Sends a share of the items again later, between 1 and {@code window} positions on: the item
 * itself, out of order, or a copy after the original, as a till that retries after a lost
 * acknowledgement would. Ties release in the order they were held, so that the output stays
 * deterministic.
 */
final class Delay<T> extends Stage<T, T> {

  private record Held<T>(long releaseAt, long sequence, T item) {}

  private final PriorityQueue<Held<T>> held =
      new PriorityQueue<>(
          (a, b) ->
              a.releaseAt != b.releaseAt
                  ? Long.compare(a.releaseAt, b.releaseAt)
                  : Long.compare(a.sequence, b.sequence));
  private final int percent;
  private final int window;
  private final SplittableRandom random;
  private final UnaryOperator<T> resend;
  private final Runnable counter;
  private long position;
  private long sequence;

  /**
   * @param resend the copy to send again, or null when the item is not one to re-send; null itself
   *     to move the items instead
   */
  private Delay(
      Iterator<? extends T> upstream,
      int percent,
      int window,
      SplittableRandom random,
      UnaryOperator<T> resend,
      Runnable counter) {
    super(upstream);
    this.percent = percent;
    this.window = window;
    this.random = random;
    this.resend = resend;
    this.counter = counter;
  }

  static <T> Delay<T> outOfOrder(
      Iterator<? extends T> upstream,
      int percent,
      int window,
      SplittableRandom random,
      NoiseCounters counters) {
    return new Delay<>(upstream, percent, window, random, null, () -> counters.reordered++);
  }

  /** Re-sends valid lines byte for byte. */
  static Delay<Emission> duplicates(
      Iterator<? extends Emission> upstream,
      int percent,
      int window,
      SplittableRandom random,
      NoiseCounters counters) {
    UnaryOperator<Emission> resend = line -> line instanceof ValidLine v ? v.asResend() : null;
    return new Delay<>(upstream, percent, window, random, resend, () -> counters.resent++);
  }

  @Override
  protected void onItem(T item) {
    position++;
    while (!held.isEmpty() && held.peek().releaseAt <= position) {
      emit(held.poll().item);
    }
    T later = resend == null ? item : resend.apply(item);
    if (resend != null) {
      emit(item);
    }
    if (later != null && random.nextInt(100) < percent) {
      counter.run();
      held.add(new Held<>(position + 1 + random.nextInt(window), sequence++, later));
    } else if (resend == null) {
      emit(item);
    }
  }

  @Override
  protected void onEnd() {
    while (!held.isEmpty()) {
      emit(held.poll().item);
    }
  }
}
