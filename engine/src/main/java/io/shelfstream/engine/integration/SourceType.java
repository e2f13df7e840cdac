package io.shelfstream.engine.integration;

/**
 * A kind of system an integration reads from. Adding one is a matter of one class implementing this
 * (and its {@link IntegrationSource}), registered in {@link SourceTypes}.
 */
public interface SourceType {
  /** The {@code type} value that selects this source in an integration's settings. */
  String name();

  /**
   * Validates {@code spec}'s settings and builds the source. Throws {@link
   * InvalidIntegrationException} naming every bad field.
   */
  IntegrationSource create(IntegrationSpec spec);
}
