package io.shelfstream.simulations.emit;

/** Describing transport failures for the run summary. */
final class Errors {

  private Errors() {}

  /** The JDK's connection errors often carry no message: name the first cause that has one. */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(error.getClass().getSimpleName());
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        return text.append(": ").append(cause.getMessage()).toString();
      }
    }
    return text.append(" (no detail; is the node running?)").toString();
  }
}
