package io.shelfstream.simulations.emit;

import io.shelfstream.simulations.noise.Emission;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code tills} streaming tills; each entity's lines always take the same till. */
public final class HttpStreamEmitter implements Emitter {

  /** Unacknowledged lines a till may have in flight. */
  static final int WINDOW = 5_000;

  private final List<StreamingTill> tills = new ArrayList<>();
  private final SendStats stats;

  public HttpStreamEmitter(URI target, int tillCount, SendStats stats, Bearer bearer) {
    this.stats = stats;
    URI endpoint = target.resolve("/v1/pos/events");
    for (int i = 1; i <= tillCount; i++) {
      tills.add(new StreamingTill(i, endpoint, WINDOW, stats, bearer));
    }
  }

  @Override
  public void send(Emission line) throws InterruptedException {
    tills.get(line.bucket(tills.size())).offer(line);
  }

  @Override
  public void finish(Duration timeout) throws InterruptedException {
    tills.forEach(StreamingTill::end);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (StreamingTill till : tills) {
      if (!till.await(deadline - System.nanoTime())) {
        stats.fail(
            "streaming tills still waiting for acknowledgements after "
                + timeout.toSeconds()
                + " s");
      }
    }
  }

  @Override
  public boolean acknowledgesLines() {
    return true;
  }

  @Override
  public void close() {
    tills.forEach(StreamingTill::end);
  }
}
