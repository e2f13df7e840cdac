package io.shelfstream.bench.catalog;

import io.shelfstream.bench.measure.Jcmd;
import io.shelfstream.bench.measure.ProcessCpu;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's live heap after a full collection ({@code jcmd GC.run}, {@code GC.heap_info}), the heap
 * it has committed, and its RSS.
 */
final class HeapProbe {
  private static final Pattern COMMITTED = Pattern.compile("heap\\s+total (\\d+)K");

  record Reading(long heapUsedBytes, long heapCommittedBytes, long residentBytes) {}

  private HeapProbe() {}

  static Reading read(long pid) throws IOException, InterruptedException {
    long used = Jcmd.heapUsedAfterFullGc(pid);
    Matcher committed = COMMITTED.matcher(Jcmd.run(pid, "GC.heap_info"));
    return new Reading(
        used,
        committed.find() ? Long.parseLong(committed.group(1)) * 1024 : -1,
        ProcessCpu.residentBytes(pid));
  }
}
