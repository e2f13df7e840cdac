package io.shelfstream.simulations.bench;

import java.util.Map;

/** The profile of one run as tables: top methods by self and total samples, and by package. */
final class ProfileTables {

  private ProfileTables() {}

  static void add(Section section, String title, String context, JfrSummary profile) {
    section.text(
        "### %s\n\n%s; %,d CPU samples over %.0f s.",
        title, context, profile.samples(), profile.windowSeconds());
    section.text(
        "GC: %d collections, %,.0f ms of pauses in total (%.2f%% of the window), longest %,.0f ms."
            + " Allocation rate (jdk.ObjectAllocationSample weights): %,.0f MiB/s. CPU used by"
            + " the node's JVM (jdk.CPULoad): %.2f cores; whole machine: %.2f of %d.",
        profile.gcCount(),
        profile.gcPauseMillis(),
        100 * profile.gcPauseMillis() / 1000 / profile.windowSeconds(),
        profile.longestGcPauseMillis(),
        profile.allocatedBytesPerSecond() / 1024 / 1024,
        profile.jvmCpuCores(),
        profile.machineCpuCores(),
        Runtime.getRuntime().availableProcessors());
    Table groups = new Table("package group", "self", "total");
    for (Map.Entry<String, Long> group : profile.groupTotal().entrySet()) {
      groups.row(
          group.getKey(),
          percent(profile.groupSelf().getOrDefault(group.getKey(), 0L), profile.samples()),
          percent(group.getValue(), profile.samples()));
    }
    section
        .text("By package group (self: where the CPU is spent; total: on the stack):")
        .table(groups);
    section
        .text("Top %d methods by self samples:", JfrSummary.TOP)
        .table(methods(profile.topSelf(), profile.samples()));
    section
        .text("Top %d methods by total samples:", JfrSummary.TOP)
        .table(methods(profile.topTotal(), profile.samples()));
    section
        .text("Top %d of our own methods (`io.shelfstream`) by total samples:", JfrSummary.TOP)
        .table(methods(profile.topOurs(), profile.samples()));
  }

  static String topGroup(JfrSummary profile) {
    return profile.groupSelf().entrySet().stream()
        .limit(3)
        .map(group -> group.getKey() + " " + percent(group.getValue(), profile.samples()))
        .reduce((a, b) -> a + ", " + b)
        .orElse("no samples");
  }

  private static Table methods(Iterable<JfrSummary.Count> counts, long samples) {
    Table table = new Table("#", "method", "samples", "share");
    int rank = 1;
    for (JfrSummary.Count count : counts) {
      table.row(
          rank++,
          "`" + count.name() + "`",
          String.format("%,d", count.samples()),
          percent(count.samples(), samples));
    }
    return table;
  }

  private static String percent(long part, long whole) {
    return whole == 0
        ? "n/a"
        : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
