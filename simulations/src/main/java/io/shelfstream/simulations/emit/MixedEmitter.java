package io.shelfstream.simulations.emit;

import io.shelfstream.simulations.noise.Emission;
import java.net.URI;
import java.time.Duration;

/**
 * Half the tills stream, the other half post batches, as in a chain where some stores have new
 * tills and others upload every few minutes. Entities are split between the two by routing key.
 */
public final class MixedEmitter implements Emitter {

  private final HttpStreamEmitter streaming;
  private final HttpBatchEmitter batching;
  private final int tills;
  private final int streamingTills;

  public MixedEmitter(URI target, int tills, int batchSize, SendStats stats, Bearer bearer) {
    if (tills < 2) {
      throw new IllegalArgumentException("mixed mode needs at least 2 tills, got " + tills);
    }
    this.tills = tills;
    this.streamingTills = (tills + 1) / 2;
    this.streaming = new HttpStreamEmitter(target, streamingTills, stats, bearer);
    this.batching = new HttpBatchEmitter(target, batchSize, tills - streamingTills, stats, bearer);
  }

  @Override
  public void send(Emission line) throws InterruptedException {
    if (line.bucket(tills) < streamingTills) {
      streaming.send(line);
    } else {
      batching.send(line);
    }
  }

  @Override
  public void finish(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    batching.finish(timeout);
    streaming.finish(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  @Override
  public boolean acknowledgesLines() {
    return true;
  }

  @Override
  public void close() {
    streaming.close();
    batching.close();
  }
}
