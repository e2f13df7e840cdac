package io.shelfstream.engine.ledger;

/** Where a file is in its life in a file source. */
public enum FileState {
  /** Being read: its entry says up to which line its records are durable. */
  READING,
  /** Every record durable: the same bytes sent again are skipped. */
  DONE,
  /** Refused whole (its header, say): the same bytes sent again are read again. */
  REFUSED
}
