package io.shelfstream.simulations.emit;

import io.shelfstream.simulations.noise.Emission;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * POSTs batches of lines to {@code /v1/pos/events} from {@code senders} threads. A batch that fails
 * for a transient reason (connection error, 429, 5xx) is sent again as a whole: the node's dedupe
 * makes that safe, at the price of duplicates in the counts.
 */
public final class HttpBatchEmitter implements Emitter {

  private static final int ATTEMPTS = 5;
  private static final Batch END = new Batch(0);

  private final HttpClient client;
  private final URI endpoint;
  private final int batchSize;
  private final SendStats stats;
  private final BlockingQueue<Batch> queue;
  private final List<Thread> senders = new ArrayList<>();
  private final Bearer bearer;
  private Batch current;

  public HttpBatchEmitter(
      URI target, int batchSize, int senderCount, SendStats stats, Bearer bearer) {
    this.bearer = bearer;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.endpoint = target.resolve("/v1/pos/events");
    this.batchSize = batchSize;
    this.stats = stats;
    this.queue = new ArrayBlockingQueue<>(senderCount);
    this.current = new Batch(batchSize);
    for (int i = 1; i <= senderCount; i++) {
      Thread sender = new Thread(this::sendLoop, "batch-sender-" + i);
      sender.setDaemon(true);
      sender.start();
      senders.add(sender);
    }
  }

  @Override
  public void send(Emission line) throws InterruptedException {
    current.add(line);
    if (current.size() >= batchSize) {
      queue.put(current);
      current = new Batch(batchSize);
    }
  }

  @Override
  public void finish(Duration timeout) throws InterruptedException {
    if (!current.isEmpty()) {
      queue.put(current);
      current = new Batch(batchSize);
    }
    for (int i = 0; i < senders.size(); i++) {
      queue.put(END);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread sender : senders) {
      sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (sender.isAlive()) {
        stats.fail(
            "batch sender "
                + sender.getName()
                + " still waiting for the node after "
                + timeout.toSeconds()
                + " s");
      }
    }
  }

  @Override
  public boolean acknowledgesLines() {
    return true;
  }

  @Override
  public void close() {
    senders.forEach(Thread::interrupt);
  }

  private void sendLoop() {
    try {
      for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
        if (stats.failure() == null) {
          post(batch);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void post(Batch batch) throws InterruptedException {
    HttpRequest request =
        bearer
            .on(HttpRequest.newBuilder(endpoint))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()))
            .build();
    String lastProblem = "";
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      long started = System.nanoTime();
      try {
        HttpResponse<byte[]> response =
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status == 200) {
          stats.latency(System.nanoTime() - started, batch.size());
          check(batch, BatchResponse.parse(response.body()));
          return;
        }
        lastProblem = "HTTP " + status + " " + BatchResponse.excerpt(response.body());
        if (status == 401 || status == 403) {
          lastProblem +=
              "; give the simulator a token with the ingest and read roles: --token or"
                  + " SHELFSTREAM_TOKEN (./shelfstream token create --role admin, or the node's"
                  + " data-dir/admin-token)";
        }
        if (status != 429 && status < 500) {
          break;
        }
        stats.retried(batch.size());
      } catch (IOException e) {
        lastProblem = SendStats.describe(e);
      }
      Thread.sleep(100L << attempt);
    }
    stats.fail("POST " + endpoint + " failed: " + lastProblem);
  }

  private void check(Batch batch, BatchResponse response) {
    stats.acknowledged(response.accepted(), response.duplicates(), response.rejected());
    long counted = response.accepted() + response.duplicates() + response.rejected();
    if (counted != batch.size()) {
      stats.unacknowledged(
          Math.max(0, batch.size() - counted),
          "batch of " + batch.size() + " lines acknowledged as " + counted + " (" + response + ")");
    }
    if (response.errors().size() == response.rejected()
        && response.rejected() <= BatchResponse.LISTED_ERRORS) {
      // every rejected line is listed: check each line's fate
      String[] errors = new String[batch.size() + 1];
      for (BatchResponse.LineError error : response.errors()) {
        if (error.line() < 1 || error.line() > batch.size()) {
          stats.anomaly(
              "error for line "
                  + error.line()
                  + " of a batch of "
                  + batch.size()
                  + ": "
                  + error.error());
        } else {
          errors[error.line()] = String.valueOf(error.error());
        }
      }
      for (int number = 1; number <= batch.size(); number++) {
        String status = errors[number] != null ? "rejected" : "accepted or duplicate";
        stats.expect(batch.line(number), status, errors[number], "batch line " + number);
      }
      return;
    }
    long malformed = batch.malformed();
    String detail =
        "batch rejected " + response.rejected() + " lines, " + malformed + " were malformed";
    if (response.rejected() > malformed) {
      stats.validRejected(response.rejected() - malformed, detail);
    } else if (response.rejected() < malformed) {
      stats.malformedNotRejected(malformed - response.rejected(), detail);
    }
  }
}
