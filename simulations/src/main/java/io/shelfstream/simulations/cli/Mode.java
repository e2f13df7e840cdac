package io.shelfstream.simulations.cli;

/** How lines reach the node over HTTP. */
public enum Mode {
  BATCH,
  STREAM,
  MIXED
}
