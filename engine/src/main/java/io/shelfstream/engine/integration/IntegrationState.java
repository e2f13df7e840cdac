package io.shelfstream.engine.integration;

import java.util.Locale;

/** Where an integration's supervisor is with its stream. */
public enum IntegrationState {
  STARTING,
  RUNNING,
  /** Draining in-flight records before a pause, a change of settings or a removal. */
  STOPPING,
  PAUSED,
  BACKING_OFF,
  FAILED,
  STOPPED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
