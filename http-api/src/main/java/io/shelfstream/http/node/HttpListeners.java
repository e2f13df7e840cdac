package io.shelfstream.http.node;

import com.typesafe.config.Config;
import io.shelfstream.engine.secrets.SecretResolver;
import io.shelfstream.http.limits.HeadDeadline;
import io.shelfstream.http.tls.HttpsSettings;
import io.shelfstream.http.tls.ServerTls;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.stream.javadsl.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the API listens: plain HTTP on {@code shelfstream.http.port} unless {@code
 * shelfstream.http.plain.enabled} is off, HTTPS on {@code shelfstream.http.https.port} when {@code
 * shelfstream.http.https.enabled} is on; both at once on two ports. Read and checked (keystore
 * opened) before the node starts.
 */
final class HttpListeners {
  private static final Logger log = LoggerFactory.getLogger(HttpListeners.class);
  private static final Duration UNBIND_DEADLINE = Duration.ofSeconds(10);

  private final String host;
  private final Optional<Integer> plainPort;
  private final Optional<ServerTls> tls;
  private final int httpsPort;
  private final Duration headTimeout;

  private HttpListeners(
      String host,
      Optional<Integer> plainPort,
      Optional<ServerTls> tls,
      int httpsPort,
      Duration headTimeout) {
    this.host = host;
    this.plainPort = plainPort;
    this.tls = tls;
    this.httpsPort = httpsPort;
    this.headTimeout = headTimeout;
  }

  static HttpListeners fromConfig(Config config, NodeSettings node, SecretResolver secrets) {
    boolean plain = config.getBoolean("shelfstream.http.plain.enabled");
    HttpsSettings https = HttpsSettings.fromConfig(config);
    if (!plain && !https.enabled()) {
      throw new IllegalArgumentException(
          "shelfstream.http.plain.enabled and shelfstream.http.https.enabled are both off:"
              + " the node would serve no API; turn one on");
    }
    if (plain && https.enabled() && https.port() != 0 && https.port() == node.httpPort()) {
      throw new IllegalArgumentException(
          "shelfstream.http.https.port: "
              + https.port()
              + " is also shelfstream.http.port; HTTP and HTTPS need two ports");
    }
    Optional<ServerTls> tls =
        https.enabled() ? Optional.of(ServerTls.load(https, secrets)) : Optional.empty();
    tls.filter(loaded -> loaded.expired(Instant.now()))
        .ifPresent(
            loaded ->
                log.warn(
                    "the HTTPS {} has expired: clients will refuse it; renew it",
                    loaded.describe()));
    Duration headTimeout = config.getDuration("shelfstream.http.request-head-timeout");
    if (headTimeout.isNegative() || headTimeout.isZero()) {
      throw new IllegalArgumentException(
          "shelfstream.http.request-head-timeout must be above 0, got " + headTimeout);
    }
    return new HttpListeners(
        node.httpHost(),
        plain ? Optional.of(node.httpPort()) : Optional.empty(),
        tls,
        https.port(),
        headTimeout);
  }

  /** Binds every listener, or none: a failed bind unbinds those already bound. */
  HttpBindings bind(ActorSystem<?> system, Route routes, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    // as bind(routes) does, plus the head deadline; the flow is materialized per connection
    var connection =
        HeadDeadline.around(
            Flow.<HttpRequest>create()
                .mapAsync(
                    ServerSettings.create(system.classicSystem()).getPipeliningLimit(),
                    routes.handler(system)),
            headTimeout);
    Optional<ServerBinding> plain = Optional.empty();
    try {
      if (plainPort.isPresent()) {
        plain =
            Optional.of(
                await(
                    Http.get(system).newServerAt(host, plainPort.get()).bindFlow(connection),
                    timeout,
                    system));
      }
      Optional<ServerBinding> https = Optional.empty();
      if (tls.isPresent()) {
        https =
            Optional.of(
                await(
                    Http.get(system)
                        .newServerAt(host, httpsPort)
                        .enableHttps(tls.get().connectionContext())
                        .bindFlow(connection),
                    timeout,
                    system));
        log.info("HTTPS with the {}", tls.get().describe());
      }
      return new HttpBindings(host, plain, https);
    } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
      plain.ifPresent(bound -> bound.unbind());
      throw e;
    }
  }

  private static ServerBinding await(
      CompletionStage<ServerBinding> binding, Duration timeout, ActorSystem<?> system)
      throws InterruptedException, ExecutionException, TimeoutException {
    return binding
        .toCompletableFuture()
        .get(timeout.toSeconds(), TimeUnit.SECONDS)
        .addToCoordinatedShutdown(UNBIND_DEADLINE, system);
  }
}
