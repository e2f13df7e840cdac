package io.shelfstream.http.integrations;

import io.shelfstream.engine.integration.IntegrationBodies;
import io.shelfstream.http.json.Json;
import java.time.Duration;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;

/**
 * A management request's body, read whole up to {@link IntegrationBodies#MAX_BYTES}: a larger one
 * is answered 413 with a JSON error, whether it says its length or comes in chunks.
 */
final class ManagementBody extends AllDirectives {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  Route bytes(Function<byte[], Route> inner) {
    return extractRequestEntity(
        entity -> {
          if (declaredTooLarge(entity)) {
            return complete(tooLarge());
          }
          return extractMaterializer(
              materializer ->
                  onComplete(
                      entity
                          .withSizeLimit(IntegrationBodies.MAX_BYTES)
                          .toStrict(READ_TIMEOUT.toMillis(), materializer),
                      read -> {
                        if (read.isSuccess()) {
                          return inner.apply(read.get().getData().toArray());
                        }
                        Throwable failure = read.failed().get();
                        return failure instanceof EntityStreamSizeException
                            ? complete(tooLarge())
                            : failWith(failure);
                      }));
        });
  }

  private static boolean declaredTooLarge(HttpEntity entity) {
    var length = entity.getContentLengthOption();
    return length.isPresent() && length.getAsLong() > IntegrationBodies.MAX_BYTES;
  }

  private static org.apache.pekko.http.javadsl.model.HttpResponse tooLarge() {
    return Json.error(
        StatusCodes.PAYLOAD_TOO_LARGE,
        "the body is larger than "
            + IntegrationBodies.MAX_BYTES
            + " bytes: an integration's settings fit in far less");
  }
}
