package io.shelfstream.engine.integration;

import io.shelfstream.engine.ingest.IngestPipeline;
import org.apache.pekko.actor.typed.ActorSystem;

/** What a source is given to run: its spec, the shared pipeline, its counters, the system. */
public record SourceContext(
    IntegrationSpec spec,
    IngestPipeline pipeline,
    IntegrationCounters counters,
    ActorSystem<?> system) {

  /** The dead-letter channel of this integration's records. */
  public String channel() {
    return spec.type() + ":" + spec.id();
  }
}
