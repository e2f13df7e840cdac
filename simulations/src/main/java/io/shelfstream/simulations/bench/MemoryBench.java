package io.shelfstream.simulations.bench;

import java.util.List;

/** Benchmark 4: the heap with many entities touched, then resident memory under a huge body. */
final class MemoryBench {

  private MemoryBench() {}

  static List<Section> run(BenchContext context) throws Exception {
    Section heap;
    try {
      heap = HeapBench.run(context);
    } catch (Exception e) {
      Console.info("memory 4a failed: %s", e);
      heap = Benchmark.failed("memory-heap", e);
    }
    return List.of(heap, StreamRssBench.run(context));
  }
}
