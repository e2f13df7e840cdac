package io.shelfstream.engine.ingest;

import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * Splits bytes into lines on {@code \n} (dropping a {@code \r} before it). Unlike Pekko's
 * Framing.delimiter, a line longer than {@code maxLineBytes} does not fail the stream: it is
 * emitted as an overlong {@link Line} holding its first {@code maxLineBytes} bytes, and the rest of
 * it is skipped as it streams by, so memory stays bounded and the next lines go on.
 */
public final class LineFraming extends GraphStage<FlowShape<ByteString, Line>> {
  /**
   * A line arriving in more chunks than this is compacted into one: a ByteString of many chunks
   * finds a byte in time linear in its chunks, so a line sent a byte at a time would cost time
   * quadratic in its length (30 s of CPU for a 64 KiB line before this bound).
   */
  private static final int MAX_CHUNKS_PER_LINE = 32;

  private final int maxLineBytes;
  private final Inlet<ByteString> in = Inlet.create("LineFraming.in");
  private final Outlet<Line> out = Outlet.create("LineFraming.out");
  private final FlowShape<ByteString, Line> shape = FlowShape.of(in, out);

  public LineFraming(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public FlowShape<ByteString, Line> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    return new GraphStageLogic(shape) {
      private ByteString buffer = ByteString.emptyByteString();
      private int scannedUpTo;
      private int chunksSinceCompact;
      private long lineNumber;
      private ByteString overlongPrefix; // non-null while skipping the rest of an overlong line
      private long overlongLength;

      {
        setHandler(
            in,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                buffer = buffer.concat(grab(in));
                if (++chunksSinceCompact > MAX_CHUNKS_PER_LINE) {
                  buffer = buffer.compact();
                  chunksSinceCompact = 0;
                }
                emitOrPull();
              }

              @Override
              public void onUpstreamFinish() {
                if (isAvailable(out)) {
                  emitOrPull();
                }
              }
            });
        setHandler(
            out,
            new AbstractOutHandler() {
              @Override
              public void onPull() {
                emitOrPull();
              }
            });
      }

      private void emitOrPull() {
        Line line = nextLine();
        if (line != null) {
          push(out, line);
        } else if (isClosed(in)) {
          Line last = lastLine();
          if (last != null) {
            emit(out, last, this::completeStage);
          } else {
            completeStage();
          }
        } else if (!hasBeenPulled(in)) {
          pull(in);
        }
      }

      private Line nextLine() {
        int newline = buffer.indexOf((byte) '\n', scannedUpTo);
        if (newline < 0) {
          scannedUpTo = buffer.size();
          if (overlongPrefix != null) {
            overlongLength += buffer.size();
            dropBuffer(buffer.size());
          } else if (buffer.size() > maxLineBytes) {
            overlongPrefix = buffer.take(maxLineBytes).compact();
            overlongLength = buffer.size();
            dropBuffer(buffer.size());
          }
          return null;
        }
        Line line;
        if (overlongPrefix != null) {
          line = new Line(++lineNumber, overlongPrefix, overlongLength + newline, true);
          overlongPrefix = null;
        } else if (newline > maxLineBytes) {
          line = new Line(++lineNumber, buffer.take(maxLineBytes).compact(), newline, true);
        } else {
          int end = newline > 0 && buffer.apply(newline - 1) == '\r' ? newline - 1 : newline;
          line = new Line(++lineNumber, buffer.take(end).compact(), end, false);
        }
        dropBuffer(newline + 1);
        chunksSinceCompact = 0;
        return line;
      }

      /** What is left when the body ends without a final newline. */
      private Line lastLine() {
        if (overlongPrefix != null) {
          Line line = new Line(++lineNumber, overlongPrefix, overlongLength + buffer.size(), true);
          overlongPrefix = null;
          return line;
        }
        if (buffer.isEmpty()) {
          return null;
        }
        Line line =
            buffer.size() > maxLineBytes
                ? new Line(++lineNumber, buffer.take(maxLineBytes).compact(), buffer.size(), true)
                : new Line(++lineNumber, buffer.compact(), buffer.size(), false);
        dropBuffer(buffer.size());
        return line;
      }

      private void dropBuffer(int bytes) {
        buffer = buffer.drop(bytes);
        scannedUpTo = 0;
      }
    };
  }
}
