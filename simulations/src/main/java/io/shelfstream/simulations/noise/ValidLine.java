package io.shelfstream.simulations.noise;

import io.shelfstream.simulations.event.SimEvent;
import java.util.List;
import java.util.function.Consumer;

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

  /**
   * Hands {@code to} the event of every valid line among {@code sent}, in order: the ground truth
   * of lines generated ahead and fed once they are sent.
   */
  public static void eventsOf(List<? extends Emission> sent, Consumer<SimEvent> to) {
    for (Emission line : sent) {
      if (line instanceof ValidLine valid) {
        to.accept(valid.event());
      }
    }
  }

  ValidLine asResend() {
    return new ValidLine(event, bytes, true);
  }
}
