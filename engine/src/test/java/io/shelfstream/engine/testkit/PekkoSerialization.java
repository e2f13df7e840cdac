package io.shelfstream.engine.testkit;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Pekko serialization as a node configures it (the engine's reference.conf), for tests of what the
 * journal and the snapshot store write: an actor system per test class, started before its tests
 * and stopped after. Register it as a static field with {@code @RegisterExtension}.
 */
public final class PekkoSerialization implements BeforeAllCallback, AfterAllCallback {
  private ActorTestKit testKit;
  private Serialization serialization;

  @Override
  public void beforeAll(ExtensionContext context) {
    testKit = ActorTestKit.create();
    serialization = SerializationExtension.get(testKit.system());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    testKit.shutdownTestKit();
  }

  public Serialization get() {
    return serialization;
  }
}
