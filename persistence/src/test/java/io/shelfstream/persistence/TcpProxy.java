package io.shelfstream.persistence;

import io.shelfstream.persistence.db.DatabaseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback TCP proxy in front of a server (PostgreSQL in the fault tests) that a test can {@link
 * #cut} like a database that went down: every connection through it is reset and new ones are
 * refused, until {@link #restore} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {
  private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+):(\\d+)/");
  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "tcp-proxy");
            thread.setDaemon(true);
            return thread;
          });
  private volatile ServerSocket listener;

  private TcpProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    acceptOn(listener);
  }

  /** A proxy in front of the PostgreSQL server of {@code db}. */
  public static TcpProxy toDatabaseOf(DatabaseSettings db) {
    Matcher hostPort = HOST_PORT.matcher(db.url());
    if (!hostPort.find()) {
      throw new IllegalArgumentException("no //host:port in " + db.describe());
    }
    return to(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
  }

  /** {@code db} with its connections going through this proxy. */
  public DatabaseSettings inFrontOf(DatabaseSettings db) {
    String url = HOST_PORT.matcher(db.url()).replaceFirst("//127.0.0.1:" + port + "/");
    return new DatabaseSettings(url, db.user(), db.password(), db.poolSize());
  }

  /** A proxy on a free loopback port, forwarding to {@code host:port}. */
  public static TcpProxy to(String host, int port) {
    try {
      return new TcpProxy(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Connections accepted so far. */
  public int connectionsAccepted() {
    return connections.get();
  }

  /** Resets every connection and stops listening: connecting is refused until {@link #restore}. */
  public synchronized void cut() {
    ServerSocket current = listener;
    if (current == null) {
      return;
    }
    listener = null;
    closeQuietly(current);
    for (Socket socket : sockets) {
      reset(socket);
    }
    sockets.clear();
  }

  /** Listens again on the same port. */
  public synchronized void restore() {
    if (listener != null) {
      return;
    }
    try {
      listener = listen(port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on port " + port + " again", e);
    }
    acceptOn(listener);
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return server;
  }

  private void acceptOn(ServerSocket server) {
    threads.execute(
        () -> {
          while (!server.isClosed()) {
            try {
              Socket client = server.accept();
              connections.incrementAndGet();
              threads.execute(() -> connect(client));
            } catch (IOException closed) {
              return; // cut or closed
            }
          }
        });
  }

  private void connect(Socket client) {
    Socket upstream = new Socket();
    sockets.add(client);
    sockets.add(upstream);
    try {
      upstream.connect(target, 5_000);
    } catch (IOException e) {
      reset(client);
      reset(upstream);
      return;
    }
    threads.execute(() -> pump(upstream, client));
    pump(client, upstream);
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // reset, cut or closed by the other direction
    }
    // the protocols we proxy never half-close: one side gone ends the connection
    for (Socket socket : new Socket[] {from, to}) {
      sockets.remove(socket);
      closeQuietly(socket);
    }
  }

  /** Closes with a TCP reset, as the peer of a database process that died would see. */
  private void reset(Socket socket) {
    sockets.remove(socket);
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException alreadyClosed) {
      // nothing to reset
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing is best effort
    }
  }

  @Override
  public void close() {
    cut();
    threads.shutdownNow();
  }
}
