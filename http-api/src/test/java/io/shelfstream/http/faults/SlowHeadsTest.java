package io.shelfstream.http.faults;

import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.ChunkedTill;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow-loris over a real socket: a client that sends a request head a byte now and then, or keeps a
 * connection open without asking anything, loses it at {@code request-head-timeout}; a request in
 * progress for longer than that, such as a till's stream, keeps its connection.
 */
class SlowHeadsTest {
  private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(2);
  // pekko-http's idle-timeout is far longer: only the head deadline can close these connections
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration CLOSED_WITHIN = HEAD_TIMEOUT.plusSeconds(5);
  private static final Duration SALE_EVERY = Duration.ofMillis(500);

  private static TestDatabase db;
  private static ShelfstreamNode node;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.h2();
    node =
        ShelfstreamNode.start(
            TestNode.config(
                db.settings(),
                Files.createTempDirectory("shelfstream-slow-heads-"),
                Map.of(
                    "shelfstream.http.request-head-timeout", HEAD_TIMEOUT.toMillis() + "ms",
                    "pekko.http.server.idle-timeout", IDLE_TIMEOUT.toMinutes() + "m")));
    port = node.httpAddress().getPort();
  }

  @AfterAll
  static void stop() {
    node.close();
    db.close();
  }

  @Test
  void aHeadTrickledAByteAtATimeLosesItsConnection() throws Exception {
    ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /v1/integrations HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes());
      out.flush();
      // a header byte every 200 ms: never idle for pekko-http, never a whole head
      trickler.scheduleAtFixedRate(() -> write(out, "X"), 0, 200, TimeUnit.MILLISECONDS);
      long opened = System.nanoTime();

      assertThat(readUntilClosed(socket.getInputStream())).as("nothing is answered").isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - opened))
          .as("closed once the head deadline passed")
          .isGreaterThanOrEqualTo(HEAD_TIMEOUT.minusMillis(500));
    } finally {
      trickler.shutdownNow();
    }
  }

  @Test
  void aConnectionIdleAfterItsAnswerIsClosedAtTheDeadline() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();

      String answer = readUntilClosed(socket.getInputStream());

      assertThat(answer).startsWith("HTTP/1.1 200").contains("\"status\"");
    }
  }

  @Test
  void aStreamLongerThanTheDeadlineKeepsItsConnection() throws Exception {
    try (var till = new ChunkedTill(port, CLOSED_WITHIN)) {
      till.send(sale("long-1", "LS", "A", 1));
      assertThat(till.readHead()).startsWith("HTTP/1.1 200");
      assertThat(till.readResult().get("status").asText()).isEqualTo("accepted");
      int lines = (int) (HEAD_TIMEOUT.multipliedBy(3).toMillis() / SALE_EVERY.toMillis());
      // a till selling at its own pace, for three head deadlines; each result read as it comes
      ScheduledExecutorService seller = Executors.newSingleThreadScheduledExecutor();
      var sent = new AtomicInteger(1);
      try {
        seller.scheduleAtFixedRate(
            () -> {
              int next = sent.incrementAndGet();
              if (next > lines) {
                throw new CancellationException("all sold"); // ends the schedule
              }
              try {
                till.send(sale("long-" + next, "LS", "A", 1));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            SALE_EVERY.toMillis(),
            SALE_EVERY.toMillis(),
            TimeUnit.MILLISECONDS);
        for (int i = 2; i <= lines; i++) {
          JsonNode result = till.readResult(); // bounded by the socket's read timeout
          assertThat(result.get("eventId").asText()).isEqualTo("long-" + i);
          assertThat(result.get("status").asText()).isEqualTo("accepted");
        }
      } finally {
        seller.shutdownNow();
      }
      till.finish();
      assertThat(till.readResult()).as("the response ends with the request").isNull();
    }
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) CLOSED_WITHIN.toMillis()); // a read past this fails the test
    return socket;
  }

  private static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException closed) {
      // the server closed the connection: what the test waits for
    }
  }

  /** What the server sends until it closes; a read timeout (the connection held) fails. */
  private static String readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        received.write(buffer, 0, read);
      }
    } catch (SocketException reset) {
      // closed while the client was still writing: a reset, as good as a close here
    }
    return received.toString(StandardCharsets.UTF_8);
  }
}
