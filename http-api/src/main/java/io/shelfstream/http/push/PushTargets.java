package io.shelfstream.http.push;

import io.shelfstream.engine.integration.IntegrationCounters;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code http} integrations whose supervisor runs on this node, with the counters their status
 * shows. Posted records are counted there when the request comes to the same node as the supervisor
 * (always, on a single node); in a cluster, records posted to another node are ingested all the
 * same, but its status does not count them.
 */
public final class PushTargets {
  private final ConcurrentMap<String, IntegrationCounters> running = new ConcurrentHashMap<>();

  void started(String id, IntegrationCounters counters) {
    running.put(id, counters);
  }

  void stopped(String id, IntegrationCounters counters) {
    running.remove(id, counters);
  }

  Optional<IntegrationCounters> counters(String id) {
    return Optional.ofNullable(running.get(id));
  }
}
