package io.shelfstream.engine.integration;

/**
 * The source an integration's spec describes, kept across the runs of its stream (a restart reuses
 * its connections) and built again only when the spec changes.
 */
final class SourceOfSpec {
  private final SourceTypes types;
  private IntegrationSource source;
  private IntegrationSpec builtFrom;

  SourceOfSpec(SourceTypes types) {
    this.types = types;
  }

  /** The source of {@code spec}; throws {@link InvalidIntegrationException} for a bad spec. */
  IntegrationSource of(IntegrationSpec spec) {
    if (source == null || !spec.equals(builtFrom)) {
      close();
      source = types.create(spec);
      builtFrom = spec;
    }
    return source;
  }

  void close() {
    if (source != null) {
      source.close();
      source = null;
    }
  }
}
