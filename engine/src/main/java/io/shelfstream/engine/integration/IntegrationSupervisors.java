package io.shelfstream.engine.integration;

import io.shelfstream.engine.ingest.IngestPipeline;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** The supervisors, one per integration, sharded over the cluster's nodes. */
final class IntegrationSupervisors {
  static final EntityTypeKey<IntegrationSupervisor.Command> TYPE_KEY =
      EntityTypeKey.create(IntegrationSupervisor.Command.class, "Integration");

  private IntegrationSupervisors() {}

  static void init(
      ActorSystem<?> system,
      ClusterSharding sharding,
      SourceTypes types,
      IngestPipeline pipeline,
      SupervisionSettings supervision,
      StatusSettings status) {
    sharding.init(
        Entity.of(
                TYPE_KEY,
                context ->
                    IntegrationSupervisor.create(
                        context.getEntityId(),
                        types,
                        pipeline,
                        supervision,
                        status,
                        Clock.systemUTC()))
            // a supervisor owns a stream that must keep running however idle its mailbox is
            .withSettings(
                ClusterShardingSettings.create(system)
                    .withPassivationStrategy(
                        ClusterShardingSettings.PassivationStrategySettings$.MODULE$.disabled())));
  }

  static EntityRef<IntegrationSupervisor.Command> of(ClusterSharding sharding, String id) {
    return sharding.entityRefFor(TYPE_KEY, id);
  }

  static void configure(ClusterSharding sharding, IntegrationRegistry.Entry entry) {
    of(sharding, entry.spec().id())
        .tell(new IntegrationSupervisor.Configure(entry.spec(), entry.paused()));
  }

  static void remove(ClusterSharding sharding, String id) {
    of(sharding, id).tell(IntegrationSupervisor.Remove.INSTANCE);
  }
}
