package io.shelfstream.bench.catalog;

/**
 * What one target did with the run's events, in one round.
 *
 * @param journalEntries Shelfstream's event_journal rows after the drain; -1 for the peer
 * @param distinctRecords SKU-location records the target holds (the peer: distinct pairs in its
 *     table; Shelfstream: the workload's count, with the sample as the check)
 * @param sampled records whose on-hand units and movement count were compared with the workload's
 * @param mismatches how many of those differed; {@code firstMismatch} says how
 */
record TargetResult(
    int round,
    String target,
    long events,
    CpuWindow.Drain drain,
    long journalEntries,
    long distinctRecords,
    int sampled,
    int mismatches,
    String firstMismatch) {

  double eventsPerJournalEntry() {
    return journalEntries > 0 ? (double) events / journalEntries : 0;
  }
}
