package io.shelfstream.http.faults;

import static io.shelfstream.http.testkit.PosJson.sale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.http.testkit.TestNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A client that posts small bodies of sales, one request at a time every {@code pace}, and resends
 * a body until it is acknowledged, as a till should on 503. Bounded: it stops after {@code
 * maxRequests} requests or {@code maxRunTime}, whichever comes first. Each sale goes to a SKU of
 * its own, so that each acknowledged sale has a record of its own to check.
 */
final class ResendingWriter implements AutoCloseable {
  static final int LINES_PER_BODY = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One answer: when it came (System.nanoTime), its status, and how long it took. */
  record Answer(long at, int status, Duration took, String body) {}

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final URI events;
  private final int maxRequests;
  private final long stopAt;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final List<String> acknowledged = new CopyOnWriteArrayList<>();
  private int body;
  private int requests;

  ResendingWriter(String baseUrl, Duration pace, int maxRequests, Duration maxRunTime) {
    this.events = URI.create(baseUrl + "/v1/pos/events");
    this.maxRequests = maxRequests;
    this.stopAt = System.nanoTime() + maxRunTime.toNanos();
    thread.scheduleWithFixedDelay(this::sendOne, 0, pace.toMillis(), TimeUnit.MILLISECONDS);
  }

  static String eventId(int body, int line) {
    return "w" + body + "-" + line;
  }

  static String location(int body) {
    return "O" + body;
  }

  /** The location of a sale this writer sent. */
  static String locationOf(String eventId) {
    return location(Integer.parseInt(eventId.substring(1, eventId.indexOf('-'))));
  }

  static String sku(String eventId) {
    return "sku-" + eventId;
  }

  private void sendOne() {
    if (requests >= maxRequests || System.nanoTime() > stopAt) {
      thread.shutdown();
      return;
    }
    requests++;
    StringBuilder lines = new StringBuilder();
    List<String> ids = new ArrayList<>();
    for (int line = 0; line < LINES_PER_BODY; line++) {
      String id = eventId(body, line);
      ids.add(id);
      lines.append(sale(id, location(body), sku(id), 1)).append('\n');
    }
    long sent = System.nanoTime();
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(events)
                  .header("Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
                  .header("Content-Type", "application/x-ndjson")
                  .timeout(Duration.ofSeconds(40))
                  .POST(HttpRequest.BodyPublishers.ofString(lines.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long now = System.nanoTime();
      answers.add(
          new Answer(now, response.statusCode(), Duration.ofNanos(now - sent), response.body()));
      if (response.statusCode() == 200 && allDurable(response.body())) {
        acknowledged.addAll(ids);
        body++; // the next body; otherwise this one is sent again
      }
    } catch (IOException e) {
      long now = System.nanoTime();
      answers.add(new Answer(now, -1, Duration.ofNanos(now - sent), e.toString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean allDurable(String body) throws IOException {
    JsonNode summary = JSON.readTree(body);
    return summary.get("accepted").asInt() + summary.get("duplicates").asInt() == LINES_PER_BODY;
  }

  List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** The event ids of every acknowledged body. */
  List<String> acknowledged() {
    return List.copyOf(acknowledged);
  }

  /** Acknowledged bodies so far. */
  int acknowledgedBodies() {
    return acknowledged.size() / LINES_PER_BODY;
  }

  @Override
  public void close() throws InterruptedException {
    thread.shutdown();
    if (!thread.awaitTermination(45, TimeUnit.SECONDS)) {
      thread.shutdownNow();
    }
  }
}
