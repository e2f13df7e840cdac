package io.shelfstream.simulations.cli;

import java.util.Iterator;

/** Counts what passes through: the number of world events, before noise; read by other threads. */
final class CountingIterator<T> implements Iterator<T> {

  private final Iterator<T> inner;
  private volatile long count;

  CountingIterator(Iterator<T> inner) {
    this.inner = inner;
  }

  @Override
  public boolean hasNext() {
    return inner.hasNext();
  }

  @Override
  public T next() {
    T item = inner.next();
    count++;
    return item;
  }

  long count() {
    return count;
  }
}
