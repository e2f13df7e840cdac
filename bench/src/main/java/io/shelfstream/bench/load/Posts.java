package io.shelfstream.bench.load;

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

/** Loads of the bench's own (warm-ups, busy locations): NDJSON batches from several senders. */
public final class Posts {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Posts() {}

  /** One sender's work: it posts until it returns, and fails the load if it throws. */
  public interface Sender {
    void run() throws Exception;
  }

  /** Runs {@code sender} on {@code senders} threads; waits at most {@code wait} for them. */
  public static void run(int senders, Duration wait, Sender sender)
      throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        running.add(
            pool.submit(
                () -> {
                  sender.run();
                  return null;
                }));
      }
      long deadline = System.nanoTime() + wait.toNanos();
      for (Future<?> one : running) {
        one.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("sending failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Posts one batch of lines to the node's POS endpoint; throws unless it answers 200. */
  public static String post(URI node, String lines) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        CLIENT.send(
            HttpRequest.newBuilder(node.resolve("/v1/pos/events"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("a batch was answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  /** GETs a path of the node; throws unless it answers 200. */
  public static String get(URI node, String path) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        CLIENT.send(
            HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofMinutes(2)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + answer.statusCode());
    }
    return answer.body();
  }
}
