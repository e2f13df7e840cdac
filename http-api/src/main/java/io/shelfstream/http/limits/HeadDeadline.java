package io.shelfstream.http.limits;

import java.time.Duration;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.ResponseEntity;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.BidiShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.TimerGraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * Closes a connection whose next request head has not arrived within a deadline, counted from the
 * connection's start and from the end of each answer. pekko-http's own timeouts do not cover this:
 * {@code idle-timeout} is reset by every byte, so a client trickling one header byte now and then
 * (slow-loris) would hold its connection for ever, and {@code request-timeout} starts only once a
 * request has arrived. While a request is in progress the deadline does not run, so a till's
 * all-day stream, whose answer streams as long as its body, is never cut.
 */
public final class HeadDeadline
    extends GraphStage<BidiShape<HttpRequest, HttpRequest, HttpResponse, HttpResponse>> {
  private static final String TIMER = "head-deadline";

  private final Duration timeout;
  private final Inlet<HttpRequest> fromClient = Inlet.create("HeadDeadline.fromClient");
  private final Outlet<HttpRequest> toHandler = Outlet.create("HeadDeadline.toHandler");
  private final Inlet<HttpResponse> fromHandler = Inlet.create("HeadDeadline.fromHandler");
  private final Outlet<HttpResponse> toClient = Outlet.create("HeadDeadline.toClient");
  private final BidiShape<HttpRequest, HttpRequest, HttpResponse, HttpResponse> shape =
      BidiShape.of(fromClient, toHandler, fromHandler, toClient);

  private HeadDeadline(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a request head deadline must be above 0, got " + timeout);
    }
    this.timeout = timeout;
  }

  /** A connection's handler with the deadline around it; materialized once per connection. */
  public static Flow<HttpRequest, HttpResponse, NotUsed> around(
      Flow<HttpRequest, HttpResponse, ?> handler, Duration timeout) {
    return BidiFlow.fromGraph(new HeadDeadline(timeout)).join(handler);
  }

  @Override
  public BidiShape<HttpRequest, HttpRequest, HttpResponse, HttpResponse> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    return new TimerGraphStageLogic(shape) {
      private final AsyncCallback<NotUsed> answerEnded = createAsyncCallback(ended -> ended());
      // requests passed on whose answer has not been sent to its last byte
      private int unanswered;

      {
        setHandler(
            fromClient,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                cancelTimer(TIMER);
                unanswered++;
                push(toHandler, grab(fromClient));
              }

              @Override
              public void onUpstreamFinish() {
                complete(toHandler); // answers still on their way are sent
              }
            });
        setHandler(
            toHandler,
            new AbstractOutHandler() {
              @Override
              public void onPull() {
                pull(fromClient);
              }

              @Override
              public void onDownstreamFinish(Throwable cause) {
                cancel(fromClient, cause);
              }
            });
        setHandler(
            fromHandler,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                HttpResponse response = grab(fromHandler);
                push(toClient, response.withEntity(watched(response.entity())));
              }
            });
        setHandler(
            toClient,
            new AbstractOutHandler() {
              @Override
              public void onPull() {
                pull(fromHandler);
              }
            });
      }

      @Override
      public void preStart() {
        scheduleOnce(TIMER, timeout);
      }

      @Override
      public void onTimer(Object key) {
        completeStage(); // the server closes the connection
      }

      private void ended() {
        unanswered--;
        if (unanswered == 0 && !isClosed(fromClient)) {
          scheduleOnce(TIMER, timeout);
        }
      }

      private ResponseEntity watched(ResponseEntity entity) {
        if (entity.isStrict()) {
          ended();
          return entity;
        }
        Flow<ByteString, ByteString, NotUsed> watch =
            Flow.<ByteString>create()
                .watchTermination(
                    (notUsed, done) -> {
                      done.whenComplete((d, failure) -> answerEnded.invoke(NotUsed.getInstance()));
                      return notUsed;
                    });
        // the same kind of entity, so that the client is sent the same framing
        Source<ByteString, ?> data = entity.getDataBytes().via(watch);
        if (entity.isDefault()) {
          return HttpEntities.create(
              entity.getContentType(), ((HttpEntity.Default) entity).getContentLength(), data);
        }
        if (entity.isCloseDelimited()) {
          return HttpEntities.createCloseDelimited(entity.getContentType(), data);
        }
        return HttpEntities.createChunked(entity.getContentType(), data);
      }
    };
  }
}
