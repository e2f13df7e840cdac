package io.shelfstream.simulations.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.simulations.noise.Emission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A till streaming its lines over one long-lived POST and reading each line's result as the node
 * makes it durable. At most {@code window} lines are unacknowledged at once. If the connection
 * breaks, the till reconnects (a few times) and sends the unacknowledged lines again: the node's
 * dedupe makes that safe.
 */
final class StreamingTill {

  private static final int MAX_RECONNECTS = 3;
  private static final int FLUSH_BYTES = 32 * 1024;
  private static final long ACK_TIMEOUT_SECONDS = 60;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final class Pending {
    final Emission line;
    volatile long sentNanos;

    Pending(Emission line) {
      this.line = line;
    }
  }

  private final String name;
  private final URI endpoint;
  private final Bearer bearer;
  private final SendStats stats;
  private final BlockingQueue<Emission> queue = new ArrayBlockingQueue<>(4096);
  private final Queue<Emission> notDurable = new ConcurrentLinkedQueue<>();
  private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
  private final Semaphore window;
  private final Thread writer;
  private volatile boolean ending;

  StreamingTill(int number, URI endpoint, int window, SendStats stats, Bearer bearer) {
    this.name = "till " + number;
    this.bearer = bearer;
    this.endpoint = endpoint;
    this.stats = stats;
    this.window = new Semaphore(window);
    this.writer = new Thread(this::run, "till-" + number);
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /**
   * Blocks while the till is behind; drops the line once the till has given up (the run is failing
   * then).
   */
  void offer(Emission line) throws InterruptedException {
    while (!queue.offer(line, 200, TimeUnit.MILLISECONDS)) {
      if (!writer.isAlive()) {
        return;
      }
    }
  }

  /** No more lines: finish the body once the queue is drained, then wait for the last results. */
  void end() {
    ending = true;
  }

  boolean await(long timeoutNanos) throws InterruptedException {
    writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
    if (writer.isAlive()) {
      stats.unacknowledged(
          pending.size() + queue.size(),
          name + ": still " + pending.size() + " lines unacknowledged at the deadline");
      writer.interrupt();
      return false;
    }
    return true;
  }

  private void run() {
    List<Emission> resend = List.of();
    for (int attempt = 0; ; attempt++) {
      try {
        stream(resend);
        return;
      } catch (TillConnection.Refused e) {
        stats.fail(name + ": POST " + endpoint + " refused: " + e.getMessage());
      } catch (IOException e) {
        if (attempt < MAX_RECONNECTS && stats.failure() == null) {
          resend = takePendingInOrder();
          stats.anomaly(
              name
                  + ": reconnected, re-sending "
                  + resend.size()
                  + " unacknowledged lines, after: "
                  + SendStats.describe(e));
          continue;
        }
        stats.fail(name + ": stream to " + endpoint + " failed: " + SendStats.describe(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      queue.clear();
      return;
    }
  }

  private void stream(List<Emission> resend) throws IOException, InterruptedException {
    AtomicReference<IOException> readFailure = new AtomicReference<>();
    TillConnection connection = TillConnection.open(endpoint, bearer);
    Thread reader =
        new Thread(
            () -> {
              try {
                connection.readResults(this::onResult);
              } catch (IOException e) {
                readFailure.set(e);
              }
            },
            writer.getName() + "-acks");
    reader.setDaemon(true);
    reader.start();
    try {
      Chunk chunk = new Chunk(connection);
      for (Emission line : resend) {
        chunk.add(line, readFailure);
      }
      while (true) {
        Emission line = notDurable.poll();
        if (line == null) {
          line = queue.poll();
        }
        if (line == null) {
          chunk.flush();
          if (ending && queue.isEmpty() && notDurable.isEmpty()) {
            // stay open while results are due: a line the node could not make durable comes back
            if (pending.isEmpty()) {
              break;
            }
            failIfUnacknowledged();
          }
          line = queue.poll(100, TimeUnit.MILLISECONDS);
          if (line == null) {
            continue;
          }
        }
        chunk.add(line, readFailure);
      }
      chunk.flush();
      connection.endBody();
      reader.join(TimeUnit.SECONDS.toMillis(ACK_TIMEOUT_SECONDS));
      if (reader.isAlive()) {
        throw new IOException(
            "the response did not end within " + ACK_TIMEOUT_SECONDS + " s of the last line");
      }
      rethrow(readFailure);
      if (!pending.isEmpty()) {
        throw new IOException(
            "the response ended with " + pending.size() + " lines unacknowledged");
      }
    } finally {
      // the reader must be gone before a new connection numbers its lines from 1 again
      connection.close();
      reader.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  /** Lines buffered into one chunk; a line's latency starts when its chunk is written. */
  private final class Chunk {
    private final TillConnection connection;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(FLUSH_BYTES * 2);
    private final List<Pending> lines = new ArrayList<>();
    private int nextLineNumber = 1;

    Chunk(TillConnection connection) {
      this.connection = connection;
    }

    void add(Emission line, AtomicReference<IOException> readFailure)
        throws IOException, InterruptedException {
      while (!window.tryAcquire(1, TimeUnit.SECONDS)) {
        rethrow(readFailure);
        failIfUnacknowledged();
      }
      Pending entry = new Pending(line);
      pending.put(nextLineNumber++, entry);
      lines.add(entry);
      bytes.writeBytes(line.bytes());
      bytes.write('\n');
      if (bytes.size() >= FLUSH_BYTES) {
        flush();
      }
    }

    void flush() throws IOException {
      if (lines.isEmpty()) {
        return;
      }
      long now = System.nanoTime();
      lines.forEach(entry -> entry.sentNanos = now);
      connection.writeChunk(bytes.toByteArray(), bytes.size());
      bytes.reset();
      lines.clear();
    }
  }

  private void failIfUnacknowledged() throws IOException {
    long now = System.nanoTime();
    long oldest = now;
    for (Pending entry : pending.values()) {
      if (entry.sentNanos != 0 && entry.sentNanos < oldest) {
        oldest = entry.sentNanos;
      }
    }
    if (now - oldest > TimeUnit.SECONDS.toNanos(ACK_TIMEOUT_SECONDS)) {
      throw new IOException(
          "no acknowledgement for "
              + ACK_TIMEOUT_SECONDS
              + " s with "
              + pending.size()
              + " lines in flight");
    }
  }

  private void onResult(String json) {
    long now = System.nanoTime();
    JsonNode result;
    try {
      result = JSON.readTree(json);
    } catch (IOException e) {
      stats.anomaly(
          name
              + ": unreadable result line "
              + BatchResponse.excerpt(json.getBytes(StandardCharsets.UTF_8)));
      return;
    }
    int number = result.path("line").asInt(-1);
    Pending entry = pending.remove(number);
    if (entry == null) {
      stats.anomaly(name + ": result for a line not in flight: " + json);
      return;
    }
    window.release();
    String status = result.path("status").asText("");
    if (status.equals("failed")) {
      // not durable: the node asks for the line again, as a till would after a timeout
      stats.retried(1);
      notDurable.add(entry.line);
      return;
    }
    stats.latency(now - entry.sentNanos, 1);
    switch (status) {
      case "accepted" -> stats.acknowledged(1, 0, 0);
      case "duplicate" -> stats.acknowledged(0, 1, 0);
      case "rejected" -> stats.acknowledged(0, 0, 1);
      default -> stats.anomaly(name + ": unknown status in " + json);
    }
    stats.expect(entry.line, status, result.path("error").asText(""), name + " line " + number);
  }

  private List<Emission> takePendingInOrder() {
    TreeMap<Integer, Pending> ordered = new TreeMap<>(pending);
    pending.clear();
    window.release(ordered.size());
    List<Emission> lines = new ArrayList<>(ordered.size());
    ordered.values().forEach(entry -> lines.add(entry.line));
    return lines;
  }

  private static void rethrow(AtomicReference<IOException> failure) throws IOException {
    IOException e = failure.get();
    if (e != null) {
      throw e;
    }
  }
}
