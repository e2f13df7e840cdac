package io.shelfstream.engine.dedupe;

import java.util.Arrays;

/**
 * A set of 64-bit fingerprints in one open-addressed array: no object per entry, nothing for the
 * garbage collector to trace. A fingerprint stands for something larger (an id a record remembers);
 * two things may share one, so "contains" means "maybe" and "absent" means "certainly not", and the
 * caller confirms a maybe. Adding only: rebuild it to forget.
 */
public final class FingerprintSet {
  private static final long EMPTY = 0;
  private static final int MIN_CAPACITY = 16;

  private long[] slots;
  private int size;

  public FingerprintSet() {
    slots = new long[MIN_CAPACITY];
  }

  public int size() {
    return size;
  }

  public void add(long fingerprint) {
    long key = nonEmpty(fingerprint);
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    if (insert(slots, key)) {
      size++;
    }
  }

  public boolean mightContain(long fingerprint) {
    long key = nonEmpty(fingerprint);
    return slots[slotOf(slots, key)] == key;
  }

  /** Every fingerprint held (as added, but for 0, held as 1). */
  public void forEach(java.util.function.LongConsumer action) {
    for (long key : slots) {
      if (key != EMPTY) {
        action.accept(key);
      }
    }
  }

  /** A copy that shares no array with this set. */
  public FingerprintSet copy() {
    FingerprintSet copy = new FingerprintSet();
    copy.slots = slots.clone();
    copy.size = size;
    return copy;
  }

  public void clear() {
    Arrays.fill(slots, EMPTY);
    size = 0;
  }

  private void grow() {
    long[] bigger = new long[slots.length * 2];
    for (long key : slots) {
      if (key != EMPTY) {
        insert(bigger, key);
      }
    }
    slots = bigger;
  }

  /** False if the key was there already. */
  private static boolean insert(long[] slots, long key) {
    int slot = slotOf(slots, key);
    if (slots[slot] == key) {
      return false;
    }
    slots[slot] = key;
    return true;
  }

  /** Linear probing: the key's slot, or the empty one where it would go (half the slots are). */
  private static int slotOf(long[] slots, long key) {
    int mask = slots.length - 1;
    int slot = spread(key) & mask;
    while (slots[slot] != key && slots[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long nonEmpty(long fingerprint) {
    return fingerprint == EMPTY ? 1 : fingerprint; // a shared fingerprint costs only a confirmation
  }

  private static int spread(long key) {
    long mixed = key * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ (mixed >>> 32));
  }
}
