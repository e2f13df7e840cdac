package io.shelfstream.simulations.cli;

/** A bad command line; the message names the option and says why. */
public final class OptionError extends Exception {

  public OptionError(String message) {
    super(message);
  }
}
