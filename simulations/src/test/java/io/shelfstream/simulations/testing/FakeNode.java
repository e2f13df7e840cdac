package io.shelfstream.simulations.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.EventRef;
import io.shelfstream.simulations.event.StockKey;
import io.shelfstream.simulations.truth.ExpectedStock;
import io.shelfstream.simulations.truth.ExpectedStore;
import io.shelfstream.simulations.truth.GroundTruth;
import io.shelfstream.simulations.truth.PoliciesJson;
import io.shelfstream.simulations.truth.TruthJson;
import io.shelfstream.simulations.wire.PosLineEncoder;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for a Shelfstream node on 127.0.0.1, answering like the documented API: batch and
 * streaming POS ingestion, record reads and the policies. It is not the engine: its records come
 * from the simulator's own GroundTruth, since what is under test here is the plumbing (emitters,
 * checker, CLI). Faults can be switched on to prove the simulator notices them.
 */
public final class FakeNode implements AutoCloseable {

  public static final String POLICIES =
      """
      {"sourceRanking":["erp","wms","pos"],"inventory":{"onHand":{"policy":"last-write-wins"}},
       "store":{"fields":{"name":{"policy":"source-priority","sources":["erp","pos"],"stalenessSeconds":604800},
       "address":{"policy":"last-write-wins"},"timezone":{"policy":"last-write-wins"},"status":{"policy":"last-write-wins"}}}}
      """;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final GroundTruth records = new GroundTruth(PoliciesJson.parse(POLICIES));
  private final Set<EventRef> seen = new HashSet<>();
  private final List<SimEvent> heldWhileFrozen = new ArrayList<>();
  private final AtomicLong linesReceived = new AtomicLong();
  private boolean frozen;
  private volatile String rejectValidType;
  private volatile StockKey skewedKey;
  private volatile int failEvery;
  private volatile String requiredToken;
  private long newLines;

  public FakeNode() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/v1/pos/events", this::ingest);
    server.createContext("/v1/inventory/", this::inventory);
    server.createContext("/v1/stores/", this::store);
    server.createContext(
        "/v1/golden-record/policies",
        exchange -> respond(exchange, 200, POLICIES.getBytes(StandardCharsets.UTF_8)));
    server.setExecutor(executor);
    server.start();
  }

  /** From now on, ingestion requests without {@code Authorization: Bearer token} get 401. */
  public void requireToken(String token) {
    requiredToken = token;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public long linesReceived() {
    return linesReceived.get();
  }

  /** Accepted events are held back, unapplied, until {@link #thaw()}: a node still catching up. */
  public synchronized void freeze() {
    frozen = true;
  }

  public synchronized void thaw() {
    frozen = false;
    heldWhileFrozen.forEach(records::accept);
    heldWhileFrozen.clear();
  }

  /** Rejects valid lines of this type: a node with a stricter reading of the format. */
  public void rejectValidLinesOfType(String type) {
    rejectValidType = type;
  }

  /**
   * Answers "failed" (not durable) for every {@code n}th new valid line, as a node whose journal is
   * overloaded; batches holding such a line get a 503.
   */
  public void failEveryNthLine(int n) {
    failEvery = n;
  }

  /** Serves this record with one unit too many: a node with a bug. */
  public void skewOnHand(StockKey key) {
    skewedKey = key;
  }

  private record Result(String status, String eventId, String error) {}

  private synchronized Result handle(byte[] line) {
    linesReceived.incrementAndGet();
    List<String> problems = WireValidator.problems(line);
    if (!problems.isEmpty()) {
      return new Result("rejected", null, String.join("; ", problems));
    }
    SimEvent event = WireParser.parse(line);
    if (PosLineEncoder.type(event).equals(rejectValidType)) {
      return new Result("rejected", event.eventId(), "type: refused by this node");
    }
    if (seen.contains(event.ref())) {
      return new Result("duplicate", event.eventId(), null);
    }
    if (failEvery > 0 && ++newLines % failEvery == 0) {
      return new Result("failed", event.eventId(), "journal: write queue full");
    }
    seen.add(event.ref());
    if (frozen) {
      heldWhileFrozen.add(event);
    } else {
      records.accept(event);
    }
    return new Result("accepted", event.eventId(), null);
  }

  private void ingest(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      respond(exchange, 405, new byte[0]);
      return;
    }
    String token = requiredToken;
    if (token != null
        && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getRequestBody().readAllBytes();
      respond(exchange, 401, "{\"error\":\"no credential\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    boolean streaming = accept != null && accept.contains("application/x-ndjson");
    InputStream body = new BufferedInputStream(exchange.getRequestBody());
    if (streaming) {
      exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        int number = 0;
        for (byte[] line = readLine(body); line != null; line = readLine(body)) {
          number++;
          if (line.length == 0) {
            continue;
          }
          Result result = handle(line);
          out.write(resultLine(number, result).getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
      return;
    }
    long accepted = 0;
    long duplicates = 0;
    long rejected = 0;
    long failed = 0;
    List<String> errors = new ArrayList<>();
    int number = 0;
    for (byte[] line = readLine(body); line != null; line = readLine(body)) {
      number++;
      if (line.length == 0) {
        continue;
      }
      Result result = handle(line);
      switch (result.status()) {
        case "accepted" -> accepted++;
        case "duplicate" -> duplicates++;
        case "failed" -> failed++;
        default -> {
          rejected++;
          if (errors.size() < 100) {
            errors.add(
                "{\"line\":"
                    + number
                    + ",\"eventId\":"
                    + quoted(result.eventId())
                    + ",\"error\":"
                    + quoted(result.error())
                    + "}");
          }
        }
      }
    }
    String response =
        "{\"accepted\":"
            + accepted
            + ",\"duplicates\":"
            + duplicates
            + ",\"rejected\":"
            + rejected
            + ",\"failed\":"
            + failed
            + ",\"errors\":["
            + String.join(",", errors)
            + "]}";
    respond(exchange, failed == 0 ? 200 : 503, response.getBytes(StandardCharsets.UTF_8));
  }

  private void inventory(HttpExchange exchange) throws IOException {
    String[] parts = exchange.getRequestURI().getRawPath().split("/");
    if (parts.length != 5) {
      respond(exchange, 404, new byte[0]);
      return;
    }
    StockKey key = new StockKey(decode(parts[3]), decode(parts[4]));
    ExpectedStock record;
    synchronized (this) {
      record = records.inventory(key);
    }
    if (record == null) {
      respond(exchange, 404, "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (key.equals(skewedKey)) {
      record =
          new ExpectedStock(
              key,
              record.onHand() + 1,
              record.count(),
              record.movementsApplied(),
              record.lastMovement());
    }
    ExpectedStock served = record;
    respond(exchange, 200, TruthJson.stock(served).toString().getBytes(StandardCharsets.UTF_8));
  }

  private void store(HttpExchange exchange) throws IOException {
    String[] parts = exchange.getRequestURI().getRawPath().split("/");
    ExpectedStore record;
    synchronized (this) {
      record = parts.length == 4 ? records.store(decode(parts[3])) : null;
    }
    if (record == null) {
      respond(exchange, 404, "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    respond(exchange, 200, TruthJson.store(record).toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String resultLine(int number, Result result) {
    return "{\"line\":"
        + number
        + ",\"eventId\":"
        + quoted(result.eventId())
        + ",\"status\":\""
        + result.status()
        + "\",\"error\":"
        + quoted(result.error())
        + "}\n";
  }

  private static String quoted(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }

  /** A line without its "\n" (and a "\r" before it); null at the end of the body. */
  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      line.write(b);
      b = in.read();
    }
    byte[] bytes = line.toByteArray();
    if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      return Arrays.copyOf(bytes, bytes.length - 1);
    }
    return bytes;
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
