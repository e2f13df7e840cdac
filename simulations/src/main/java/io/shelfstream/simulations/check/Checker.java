package io.shelfstream.simulations.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.simulations.truth.ExpectedStock;
import io.shelfstream.simulations.truth.ExpectedStore;
import io.shelfstream.simulations.truth.GroundTruth;
import io.shelfstream.simulations.truth.TruthJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Fetches every golden record ground truth expects, {@link #IN_FLIGHT} requests at a time, and
 * compares. When the node applies events asynchronously (Kafka), mismatching records are fetched
 * again every {@code recheckInterval} until they match or {@code settleTimeout} has passed.
 */
public final class Checker {

  public static final int REPORTED_MISMATCHES = 20;
  static final int IN_FLIGHT = 32;
  private static final long PASS_TIMEOUT_MINUTES = 10;

  private final NodeClient node;
  private final Duration recheckInterval;
  private final AtomicLong fetched = new AtomicLong();

  public Checker(NodeClient node, Duration recheckInterval) {
    this.node = node;
    this.recheckInterval = recheckInterval;
  }

  /** Records fetched so far, over all passes: for progress display. */
  public long fetched() {
    return fetched.get();
  }

  public CheckReport check(GroundTruth truth, Duration settleTimeout) throws InterruptedException {
    List<Checked> all = new ArrayList<>();
    for (ExpectedStock record : truth.inventory()) {
      String location = NodeClient.segment(record.key().locationId());
      all.add(
          new Checked(
              "inventory " + record.key(),
              "/v1/inventory/" + location + "/" + NodeClient.segment(record.key().sku()),
              () -> TruthJson.stock(record)));
    }
    for (ExpectedStore record : truth.stores()) {
      all.add(
          new Checked(
              "store " + record.storeId(),
              "/v1/stores/" + NodeClient.segment(record.storeId()),
              () -> TruthJson.store(record)));
    }
    long deadline = System.nanoTime() + settleTimeout.toNanos();
    Map<Checked, Mismatch> mismatching = pass(all);
    while (!mismatching.isEmpty() && System.nanoTime() + recheckInterval.toNanos() < deadline) {
      Thread.sleep(recheckInterval.toMillis());
      mismatching = pass(new ArrayList<>(mismatching.keySet()));
    }
    List<Mismatch> first =
        mismatching.values().stream()
            .sorted(Comparator.comparing(Mismatch::entity))
            .limit(REPORTED_MISMATCHES)
            .toList();
    return new CheckReport(
        truth.inventoryRecords(), truth.storeRecords(), mismatching.size(), first);
  }

  /**
   * One expected record: its entity, where the node serves it, and (built when needed) its JSON.
   */
  private record Checked(String entity, String path, Supplier<JsonNode> expected) {}

  private Map<Checked, Mismatch> pass(List<Checked> records) throws InterruptedException {
    Map<Checked, Mismatch> mismatching = new ConcurrentHashMap<>();
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Void>> requests = new ArrayList<>(records.size());
    for (Checked record : records) {
      inFlight.acquire();
      requests.add(
          node.fetch(record.path())
              .handle(
                  (served, error) -> {
                    fetched.incrementAndGet();
                    List<String> differences = differences(record, served, error);
                    if (!differences.isEmpty()) {
                      mismatching.put(record, new Mismatch(record.entity(), differences));
                    }
                    return (Void) null;
                  })
              .whenComplete((ignored, error) -> inFlight.release()));
    }
    try {
      CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new))
          .get(PASS_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "checking " + records.size() + " records did not complete: " + e.getMessage(), e);
    }
    return mismatching;
  }

  private static List<String> differences(
      Checked record, NodeClient.Fetched served, Throwable error) {
    if (error != null) {
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      return List.of("GET failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
    if (served.status() == 404) {
      return List.of("not found (404), but ground truth expects a record");
    }
    if (served.status() != 200) {
      return List.of("GET answered HTTP " + served.status());
    }
    return RecordComparison.differences(record.expected().get(), served.body());
  }
}
