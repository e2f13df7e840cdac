package io.shelfstream.http.push;

import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.ConnectionCheck;
import io.shelfstream.engine.integration.IntegrationSource;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.RunningSource;
import io.shelfstream.engine.integration.SourceContext;
import io.shelfstream.engine.integration.SourceType;
import io.shelfstream.protocols.mapping.MappingOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code type = http}: records of the integration's own JSON shape, posted to {@code POST
 * /v1/integrations/{id}/records} and mapped by its mapping (see {@link HttpPushSettings}). Nothing
 * runs between requests: its "stream" only tells the records route, through {@link PushTargets},
 * where to count what was posted while it runs.
 */
public final class HttpPushSourceType implements SourceType {
  private final PushTargets targets;
  private final MappingOptions mappingOptions;

  /** A node without a pii key. */
  public HttpPushSourceType(PushTargets targets) {
    this(targets, MappingOptions.NONE);
  }

  /** {@code mappingOptions}: what mappings are compiled with (the node's pii key). */
  public HttpPushSourceType(PushTargets targets, MappingOptions mappingOptions) {
    this.targets = targets;
    this.mappingOptions = mappingOptions;
  }

  @Override
  public String name() {
    return HttpPushSettings.TYPE;
  }

  @Override
  public List<ConfigError> validate(IntegrationSpec spec) {
    return HttpPushSettings.errors(spec, mappingOptions);
  }

  @Override
  public IntegrationSource create(IntegrationSpec spec) {
    HttpPushSettings.of(
        spec, mappingOptions); // a spec journaled under older rules fails here, naming its fields
    return new IntegrationSource() {
      @Override
      public RunningSource start(SourceContext context) {
        return new PushRun(targets, spec.id(), context.counters());
      }

      @Override
      public CompletionStage<Map<String, Object>> details() {
        return CompletableFuture.completedFuture(
            Map.of("records", "POST /v1/integrations/" + spec.id() + "/records"));
      }

      @Override
      public CompletionStage<ConnectionCheck> test(SourceContext context) {
        return CompletableFuture.completedFuture(
            new ConnectionCheck(
                true,
                "takes records at POST /v1/integrations/"
                    + spec.id()
                    + "/records: there is no system to reach"));
      }
    };
  }
}
