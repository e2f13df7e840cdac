package io.shelfstream.bench.measure;

/** Where the machine's cores went during a run, as the raw tables show it. */
public final class Cores {
  private Cores() {}

  /** "1.02, 0.45, 0.33, 0.06": the node, every postgres process, the bench, everything else. */
  public static String of(ProcessCpu.Use cpu) {
    return Stats.format("%.2f, ", cpu.cores("node"))
        + Stats.format("%.2f, ", cpu.cores(ProcessCpu.POSTGRES))
        + Stats.format("%.2f, ", cpu.cores(ProcessCpu.BENCH))
        + Stats.format("%.2f", cpu.otherCores());
  }
}
