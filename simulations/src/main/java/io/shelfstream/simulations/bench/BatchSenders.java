package io.shelfstream.simulations.bench;

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

/** Loads of the harness's own (warm-ups, busy locations): NDJSON batches from several senders. */
final class BatchSenders {
  private BatchSenders() {}

  /** One sender's work: it posts until it returns, and fails the load if it throws. */
  interface Loop {
    void run() throws Exception;
  }

  /** Runs {@code loop} on {@code senders} threads at once; waits at most {@code wait} for them. */
  static void run(int senders, Duration wait, String what, Loop loop)
      throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        running.add(
            pool.submit(
                () -> {
                  loop.run();
                  return null;
                }));
      }
      for (Future<?> sender : running) {
        try {
          sender.get(wait.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
          throw new IOException(what + " failed: " + e.getMessage(), e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Posts one batch of lines to the node's POS endpoint; throws unless it is answered 200. */
  static void post(HttpClient client, URI node, String lines)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(node.resolve("/v1/pos/events"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("batch answered " + answer.statusCode() + ": " + answer.body());
    }
  }
}
