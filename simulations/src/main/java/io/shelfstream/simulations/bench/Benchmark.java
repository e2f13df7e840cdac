package io.shelfstream.simulations.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** One benchmark of the suite: it runs and reports its sections. */
interface Benchmark {

  String name();

  List<Section> run(BenchContext context) throws Exception;

  /** The chosen benchmarks, in the order they run: the longest, memory, last. */
  static List<Benchmark> suite(BenchOptions options, Findings findings) {
    List<Benchmark> suite = new ArrayList<>();
    if (options.runs("http") || options.runs("copy")) {
      suite.add(of("http,copy", context -> HttpPostgresBench.run(context, findings)));
    }
    if (options.runs("h2")) {
      suite.add(of("h2", context -> List.of(HttpH2Bench.run(context, findings))));
    }
    if (options.runs("kafka")) {
      suite.add(of("kafka", context -> List.of(KafkaBench.run(context, findings))));
    }
    if (options.runs("profile")) {
      suite.add(of("profile", context -> List.of(ProfileBench.run(context))));
    }
    if (options.runs("snapshots")) {
      suite.add(of("snapshots", context -> List.of(SnapshotBench.run(context))));
    }
    if (options.runs("memory")) {
      suite.add(of("memory", MemoryBench::run));
    }
    return suite;
  }

  interface Body {
    List<Section> run(BenchContext context) throws Exception;
  }

  static Benchmark of(String name, Body body) {
    return new Benchmark() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Section> run(BenchContext context) throws Exception {
        return body.run(context);
      }
    };
  }

  /** A benchmark that failed still gets its section, saying why, so the report is never silent. */
  static Section failed(String name, Exception error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return new Section(name, "Benchmark " + name + ": FAILED")
        .summary(
            name, "FAILED: " + String.valueOf(error.getMessage()).lines().findFirst().orElse(""))
        .text(
            "This benchmark failed, so it has no figures:\n\n```\n%s\n```",
            trace.toString().lines().limit(30).reduce("", (a, b) -> a + b + "\n"))
        .raw("failure", error.toString());
  }
}
