package io.shelfstream.simulations.noise;

import io.shelfstream.simulations.event.SimEvent;

/**
 * A line the node must accept (or acknowledge as a duplicate).
 *
 * @param resend true when this line was already sent before: the node should call it a duplicate
 */
public record ValidLine(SimEvent event, byte[] bytes, boolean resend) implements Emission {

  @Override
  public String routingKey() {
    return event.routingKey();
  }

  ValidLine asResend() {
    return new ValidLine(event, bytes, true);
  }
}
