package io.shelfstream.simulations.emit;

import io.shelfstream.simulations.noise.Emission;
import java.time.Duration;

/**
 * Delivers lines to a node (or a file) and records the acknowledgements in {@link SendStats}.
 * Called from one generator thread; {@link #send} blocks when the node does not keep up.
 */
public interface Emitter extends AutoCloseable {

  void send(Emission line) throws InterruptedException;

  /**
   * Delivers what is still buffered and waits, at most {@code timeout}, until every line is
   * acknowledged; lines still unacknowledged then are recorded as such.
   */
  void finish(Duration timeout) throws InterruptedException;

  /**
   * Whether the node answers line by line (HTTP) or the acknowledgement is asynchronous (Kafka,
   * file).
   */
  boolean acknowledgesLines();

  @Override
  void close();
}
