package io.shelfstream.simulations.noise;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A lazy transformation of an upstream iterator that may hold items back and emit several items per
 * input. Subclasses handle each input and flush what they still hold when upstream ends.
 */
abstract class Stage<I, O> implements Iterator<O> {

  private final Iterator<? extends I> upstream;
  private final ArrayDeque<O> ready = new ArrayDeque<>();
  private boolean ended;

  Stage(Iterator<? extends I> upstream) {
    this.upstream = upstream;
  }

  /** Called once per upstream item, in order. */
  protected abstract void onItem(I item);

  /** Called once when upstream is exhausted: emit everything still held. */
  protected abstract void onEnd();

  protected final void emit(O item) {
    ready.add(item);
  }

  @Override
  public final boolean hasNext() {
    while (ready.isEmpty()) {
      if (upstream.hasNext()) {
        onItem(upstream.next());
      } else if (!ended) {
        ended = true;
        onEnd();
      } else {
        return false;
      }
    }
    return true;
  }

  @Override
  public final O next() {
    if (!hasNext()) {
      throw new NoSuchElementException("stage exhausted");
    }
    return ready.poll();
  }
}
