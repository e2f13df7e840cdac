package io.shelfstream.bench.load;

import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.scenario.ScenarioContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** The bench's own loads (warm-ups, many records, busy locations): NDJSON batches, many senders. */
public final class Posts {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private Posts() {}

  /** The body of the n-th batch (from 0, asked once each), or null when there are no more. */
  public interface Batches {
    byte[] body(long batch) throws Exception;
  }

  /**
   * Posts every batch from {@code senders} threads, each on its own once the node answered the
   * last, until there are no more or {@code cap} has passed; returns the batches acknowledged.
   */
  public static long send(URI node, int senders, Batches batches, Duration cap, String what)
      throws IOException, InterruptedException {
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    long started = System.nanoTime();
    long deadline = started + cap.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try (var progress =
        ScenarioContext.every10Seconds(
            () ->
                String.format(
                    "%s: %,d batches in %.0f s of at most %d",
                    what, done.get(), (System.nanoTime() - started) / 1e9, cap.toSeconds()))) {
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        running.add(
            pool.submit(
                () -> {
                  byte[] body;
                  while (System.nanoTime() < deadline
                      && (body = batches.body(next.getAndIncrement())) != null) {
                    post(node, body);
                    done.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> sender : running) {
        sender.get(cap.toSeconds() + 300, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(what + " failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    return done.get();
  }

  /**
   * A batch answered 503 (some lines not durable) is sent again whole, a few times: its durable
   * lines come back as duplicates.
   */
  public static String post(URI node, byte[] lines) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return exchange(
            HttpRequest.newBuilder(node.resolve("/v1/pos/events"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(lines)));
      } catch (IOException e) {
        if (attempt == 5 || !e.getMessage().contains(" answered 503")) {
          throw e;
        }
        Thread.sleep(200L * attempt);
      }
    }
  }

  /** Sends a request to a node; its answer's body, or an error unless it is a 2xx. */
  public static String exchange(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return exchange(request, Duration.ofMinutes(2));
  }

  public static String exchange(HttpRequest.Builder request, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest built =
        request.timeout(timeout).header("Authorization", Node.AUTHORIZATION).build();
    HttpResponse<String> answer = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2) {
      throw new IOException(
          built.method()
              + " "
              + built.uri()
              + " answered "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
    return answer.body();
  }
}
