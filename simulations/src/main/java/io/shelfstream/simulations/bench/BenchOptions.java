package io.shelfstream.simulations.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bench command line.
 *
 * @param only the benchmarks to run, among {@link #BENCHMARKS}
 * @param seconds length of each HTTP run; null for the default of the size chosen
 * @param warmUpSeconds how long each node is warmed up; null for the default of the size chosen
 * @param bodyGib size of the NDJSON body streamed by the resident-memory benchmark
 */
record BenchOptions(
    int runs,
    boolean quick,
    Set<String> only,
    String pgUrl,
    String pgUser,
    Double bodyGib,
    Integer seconds,
    Integer warmUpSeconds,
    String command) {

  static final List<String> BENCHMARKS =
      List.of("http", "copy", "kafka", "memory", "h2", "profile", "snapshots");
  private static final Set<String> VALUED =
      Set.of("--runs", "--only", "--pg-url", "--pg-user", "--body-gb", "--seconds", "--warm-up");

  static final String USAGE =
      """
      usage: ./shelfstream bench [--runs N] [--quick] [--only http,copy,kafka,memory,h2,profile,snapshots]
                                 [--pg-url URL] [--pg-user USER] [--body-gb G] [--seconds S]
                                 [--warm-up S]
        --runs N       measured runs per benchmark, each on a node warmed up first (default 3)
        --quick        small sizes, to try the harness in a few minutes
        --only LIST    run only these benchmarks (default: all)
        --pg-url URL   PostgreSQL to run against (default jdbc:postgresql://127.0.0.1:5432/test)
        --pg-user U    its user, trust authentication (default postgres)
        --body-gb G    GiB streamed in one POST by the resident-memory benchmark (default 10,
                       --quick 0.2); the stream also stops at its time cap
        --seconds S    length of each HTTP run (default 60, --quick 10)
        --warm-up S    how long each node is warmed up before it is measured (default 90,
                       --quick 5)
      Writes BENCHMARKS.md at the repository root and bench-results/<timestamp>.json.
      SHELFSTREAM_BENCH_NODE_OPTS adds JVM options to every node it starts (to try a setting).""";

  static BenchOptions parse(String[] args, String command) {
    int runs = 3;
    boolean quick = false;
    Set<String> only = new LinkedHashSet<>(BENCHMARKS);
    String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";
    String pgUser = "postgres";
    Double bodyGib = null;
    Integer seconds = null;
    Integer warmUpSeconds = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--quick")) {
        quick = true;
        continue;
      }
      if (!VALUED.contains(option)) {
        throw new IllegalArgumentException("unknown option " + option + " (see --help)");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value (see --help)");
      }
      String value = args[++i];
      switch (option) {
        case "--runs" -> runs = (int) number(option, value, 1, 20);
        case "--only" -> only = benchmarks(value);
        case "--pg-url" -> pgUrl = value;
        case "--pg-user" -> pgUser = value;
        case "--body-gb" -> bodyGib = number(option, value, 0.01, 1000);
        case "--seconds" -> seconds = (int) number(option, value, 2, 3600);
        case "--warm-up" -> warmUpSeconds = (int) number(option, value, 0, 3600);
        default -> throw new IllegalStateException("option " + option + " is not handled");
      }
    }
    if (!pgUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("--pg-url must be jdbc:postgresql://..., got " + pgUrl);
    }
    return new BenchOptions(
        runs, quick, only, pgUrl, pgUser, bodyGib, seconds, warmUpSeconds, command);
  }

  boolean runs(String benchmark) {
    return only.contains(benchmark);
  }

  private static Set<String> benchmarks(String list) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String name : list.split(",")) {
      String trimmed = name.trim();
      if (!BENCHMARKS.contains(trimmed)) {
        throw new IllegalArgumentException(
            "--only: unknown benchmark \"" + trimmed + "\", expected some of " + BENCHMARKS);
      }
      chosen.add(trimmed);
    }
    return chosen;
  }

  private static double number(String option, String value, double min, double max) {
    double parsed;
    try {
      parsed = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, got " + value);
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(
          option + " must be between " + min + " and " + max + ", got " + value);
    }
    return parsed;
  }
}
