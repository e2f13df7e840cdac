package io.shelfstream.simulations.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Benchmark 4b's section: what was streamed, and how resident memory evolved meanwhile. */
final class StreamRssReport {

  private static final int SHOWN_SAMPLES = 12;

  private StreamRssReport() {}

  static Section section(
      BenchContext context,
      ProcStatus before,
      ProcStatus after,
      RepeatingBody body,
      JsonNode answer,
      double seconds,
      List<StreamRssBench.Sample> samples) {
    Sizes sizes = context.sizes();
    double gib = body.bytesSent() / (double) Sizes.GIB;
    long peak =
        samples.stream()
            .mapToLong(StreamRssBench.Sample::peakRssBytes)
            .max()
            .orElse(after.peakRssBytes());
    peak = Math.max(peak, after.peakRssBytes());
    Table evolution = new Table("second", "body sent", "VmRSS", "VmHWM (peak so far)");
    int step = Math.max(1, samples.size() / SHOWN_SAMPLES);
    for (int i = 0; i < samples.size(); i += step) {
      add(evolution, samples.get(i));
    }
    if (!samples.isEmpty() && (samples.size() - 1) % step != 0) {
      add(evolution, samples.get(samples.size() - 1));
    }
    String half = halves(samples);
    Section section =
        new Section("memory-stream", "4b. Memory: resident memory while streaming one huge POST")
            .text(
                "A fresh node (%s, PostgreSQL) receives one `POST /v1/pos/events` whose NDJSON body"
                    + " the harness generates on the fly (never on disk, never whole in memory):"
                    + " %,d distinct sale events over 2,000 entities first, which the node persists,"
                    + " then the same events over and over, which its dedupe answers as duplicates,"
                    + " so that the stream is bounded by parsing and dedupe rather than by the"
                    + " journal. Every line is padded to %,d bytes with a field the wire format"
                    + " ignores (lines may be up to 64 KiB): at the node's rate of lines per second,"
                    + " unpadded ~150-byte lines would need hours for gigabytes. The body stops at"
                    + " %.2f GiB or after %d s, whichever comes first, always between two lines."
                    + " VmRSS and VmHWM of the node are read from /proc every second. One run.",
                Sizes.NODE_HEAP,
                sizes.workingSet(),
                StreamRssBench.LINE_BYTES,
                sizes.bodyBytes() / (double) Sizes.GIB,
                sizes.bodyCap().toSeconds())
            .table(
                new Table("", "value")
                    .row(
                        "streamed",
                        String.format(
                            "%.2f GiB, %,d lines in %.0f s (%,.1f MiB/s, %,.0f lines/s)%s",
                            gib,
                            body.linesSent(),
                            seconds,
                            body.bytesSent() / 1024.0 / 1024.0 / seconds,
                            body.linesSent() / seconds,
                            body.stoppedByTime() ? "; **stopped by the time cap**" : ""))
                    .row(
                        "node's answer",
                        String.format(
                            "accepted %,d, duplicates %,d, rejected %,d, failed %,d",
                            answer.path("accepted").asLong(),
                            answer.path("duplicates").asLong(),
                            answer.path("rejected").asLong(),
                            answer.path("failed").asLong()))
                    .row("VmRSS before the POST", ProcStatus.mib(before.rssBytes()))
                    .row("**peak VmRSS (VmHWM)**", ProcStatus.mib(peak))
                    .row("VmRSS after the POST", ProcStatus.mib(after.rssBytes()))
                    .row("first half vs second half of the stream", half))
            .text("How resident memory evolved (every %d s; every second in the JSON):", step)
            .table(evolution)
            .summary(
                "4b. peak RSS streaming " + String.format("%.2f GiB", gib) + " in one POST",
                ProcStatus.mib(peak)
                    + " (before: "
                    + ProcStatus.mib(before.rssBytes())
                    + "; "
                    + half
                    + ")")
            .raw("bodyBytes", body.bytesSent())
            .raw("lines", body.linesSent())
            .raw("seconds", seconds)
            .raw("stoppedByTime", body.stoppedByTime())
            .raw("answer", answer)
            .raw("before", before)
            .raw("after", after)
            .raw("samples", samples);
    return section;
  }

  private static void add(Table table, StreamRssBench.Sample sample) {
    table.row(
        String.format("%.0f", sample.seconds()),
        String.format("%.2f GiB", sample.bodyBytes() / (double) Sizes.GIB),
        ProcStatus.mib(sample.rssBytes()),
        ProcStatus.mib(sample.peakRssBytes()));
  }

  /** Highest RSS in the first and in the second half of the samples: equal means flat. */
  private static String halves(List<StreamRssBench.Sample> samples) {
    if (samples.size() < 4) {
      return "too few samples";
    }
    int middle = samples.size() / 2;
    long first =
        samples.subList(0, middle).stream()
            .mapToLong(StreamRssBench.Sample::rssBytes)
            .max()
            .orElse(0);
    long second =
        samples.subList(middle, samples.size()).stream()
            .mapToLong(StreamRssBench.Sample::rssBytes)
            .max()
            .orElse(0);
    return String.format(
        "highest VmRSS %s in the first half, %s in the second (%+.0f%%)",
        ProcStatus.mib(first), ProcStatus.mib(second), 100.0 * (second - first) / first);
  }
}
