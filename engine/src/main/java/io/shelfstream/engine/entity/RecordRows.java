package io.shelfstream.engine.entity;

/**
 * A journal entry that carries records its entity moves out of memory: the journal writes each as a
 * row of the record store in the same transaction as the entry, so that a row is there exactly when
 * the entry that evicted its record is. Not serialized with the entry.
 */
public interface RecordRows {
  /** What {@link #forEachRow} shows each row to: the record's id in its entity, and its state. */
  @FunctionalInterface
  interface Row {
    void write(String recordId, byte[] state);
  }

  void forEachRow(Row row);
}
