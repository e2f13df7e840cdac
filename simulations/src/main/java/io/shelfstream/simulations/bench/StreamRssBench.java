package io.shelfstream.simulations.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark 4b: the node's resident memory while one POST streams a body far larger than its heap.
 * VmRSS and VmHWM are sampled every second; flat means the body is read only as fast as it is
 * handled, as the README promises.
 */
final class StreamRssBench {

  /** Lines of 32 KiB: the wire format allows 64 KiB; the padding is a field the node ignores. */
  static final int LINE_BYTES = 32 * 1024;

  record Sample(double seconds, long bodyBytes, long rssBytes, long peakRssBytes) {}

  private StreamRssBench() {}

  static Section run(BenchContext context) throws Exception {
    Sizes sizes = context.sizes();
    try (Postgres.Schema schema = context.postgres().freshSchema();
        NodeProcess node =
            NodeProcess.start(
                context,
                "memory-stream",
                new NodeDatabase.OnPostgres(context.postgres(), schema),
                List.of())) {
      ProcStatus before = ProcStatus.of(node.pid());
      long started = System.nanoTime();
      RepeatingBody body =
          new RepeatingBody(
              sizes.workingSet(),
              LINE_BYTES,
              sizes.bodyBytes(),
              started + sizes.bodyCap().toNanos());
      List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
      Console.info(
          "memory 4b: streaming up to %.2f GiB in one POST for at most %d s",
          sizes.bodyBytes() / (double) Sizes.GIB, sizes.bodyCap().toSeconds());
      JsonNode answer;
      try (Progress sampler =
          Progress.every(Duration.ofSeconds(1), () -> sample(node, body, started, samples))) {
        answer = post(node, body, sizes.bodyCap().plus(Duration.ofMinutes(5)));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      ProcStatus after = ProcStatus.of(node.pid());
      return StreamRssReport.section(
          context, before, after, body, answer, seconds, List.copyOf(samples));
    }
  }

  private static void sample(
      NodeProcess node, RepeatingBody body, long started, List<Sample> samples) {
    try {
      ProcStatus status = ProcStatus.of(node.pid());
      samples.add(
          new Sample(
              (System.nanoTime() - started) / 1e9,
              body.bytesSent(),
              status.rssBytes(),
              status.peakRssBytes()));
      if (samples.size() % 30 == 0) {
        Console.info(
            "  %.2f GiB sent, node RSS %s (peak %s)",
            body.bytesSent() / (double) Sizes.GIB,
            ProcStatus.mib(status.rssBytes()),
            ProcStatus.mib(status.peakRssBytes()));
      }
    } catch (IOException gone) {
      // the node exited: the POST fails and says so
    }
  }

  private static JsonNode post(NodeProcess node, RepeatingBody body, Duration timeout)
      throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(node.uri().resolve("/v1/pos/events"))
            .timeout(timeout)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "the streamed POST answered " + response.statusCode() + ": " + response.body());
    }
    return new ObjectMapper().readTree(response.body());
  }
}
