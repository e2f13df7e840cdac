package io.shelfstream.bench.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Senders POSTing NDJSON batches to {@code /v1/pos/events}, each taking the next batch until none
 * is left. A batch answered 503 (some lines not durable) is sent again whole: its durable lines
 * come back as duplicates.
 */
final class HttpFeed {
  static final int SENDERS = 8;
  static final int BATCH = 1000;
  private static final int ATTEMPTS = 5;
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the node answered over all batches; {@code complete} is false when the time ran out first
   * (batches sent by then are acknowledged, the others never sent).
   */
  record Fed(long accepted, long duplicates, long rejected, boolean complete) {}

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI events;

  HttpFeed(URI node) {
    this.events = node.resolve("/v1/pos/events");
  }

  /**
   * Sends batches [from, to) of {@code body}, {@link #SENDERS} at a time; returns when all are
   * acknowledged.
   */
  Fed send(int from, int to, IntFunction<byte[]> body, Progress progress, Duration timeout)
      throws Exception {
    AtomicInteger next = new AtomicInteger(from);
    AtomicLong accepted = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < SENDERS; i++) {
        running.add(
            senders.submit(
                () -> {
                  for (int batch = next.getAndIncrement();
                      batch < to;
                      batch = next.getAndIncrement()) {
                    JsonNode answer = post(body.apply(batch));
                    accepted.addAndGet(answer.path("accepted").asLong());
                    duplicates.addAndGet(answer.path("duplicates").asLong());
                    rejected.addAndGet(answer.path("rejected").asLong());
                  }
                  return null;
                }));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean complete = true;
      for (Future<?> sender : running) {
        while (!sender.isDone()) {
          if (complete && System.nanoTime() > deadline) {
            Console.line(
                "  time is up (%d s): no more batches; waiting for those in flight",
                timeout.toSeconds());
            complete = false;
            next.set(to);
          }
          progress.update(accepted.get() + duplicates.get());
          Thread.sleep(100);
        }
        sender.get(REQUEST_TIMEOUT.toSeconds() * ATTEMPTS, TimeUnit.SECONDS);
      }
      return new Fed(accepted.get(), duplicates.get(), rejected.get(), complete);
    } finally {
      senders.shutdownNow();
      senders.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private JsonNode post(byte[] body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(events)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    String last = "";
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        JsonNode answer = JSON.readTree(response.body());
        if (answer.path("rejected").asLong() > 0) {
          throw new IOException("the node rejected lines of a batch: " + answer.path("errors"));
        }
        return answer;
      }
      last = response.statusCode() + ": " + response.body();
      Thread.sleep(200L * attempt);
    }
    throw new IOException("POST " + events + " failed " + ATTEMPTS + " times, last " + last);
  }
}
