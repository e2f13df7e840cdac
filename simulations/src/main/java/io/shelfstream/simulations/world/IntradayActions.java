package io.shelfstream.simulations.world;

import java.util.Arrays;

/**
 * Scratch space for one product's actions during one store day, sorted by time so that physical
 * stock evolves in the order things happen. Reused across products to keep the generator free of
 * per-product allocation.
 */
final class IntradayActions {

  static final int SALE = 0;
  static final int RETURN = 1;
  static final int SHRINK = 2;
  static final int HIDDEN_SHRINK = 3;
  static final int FOUND_STOCK = 4;

  private static final int SEQUENCE_BITS = 20;

  private long[] order = new long[16];
  private int[] kinds = new int[16];
  private int[] quantities = new int[16];
  private int size;

  void clear() {
    size = 0;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  void add(int secondOfDay, int kind, int qty) {
    if (size == order.length) {
      order = Arrays.copyOf(order, size * 2);
      kinds = Arrays.copyOf(kinds, size * 2);
      quantities = Arrays.copyOf(quantities, size * 2);
    }
    kinds[size] = kind;
    quantities[size] = qty;
    // time in the high bits, insertion index in the low bits: sorting keeps ties in insertion order
    order[size] = ((long) secondOfDay << SEQUENCE_BITS) | size;
    size++;
  }

  void sortByTime() {
    Arrays.sort(order, 0, size);
  }

  int time(int i) {
    return (int) (order[i] >>> SEQUENCE_BITS);
  }

  int kind(int i) {
    return kinds[index(i)];
  }

  int qty(int i) {
    return quantities[index(i)];
  }

  private int index(int i) {
    return (int) (order[i] & ((1L << SEQUENCE_BITS) - 1));
  }
}
