package io.shelfstream.sources.files.sftp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/** A running {@link SftpTestServer}, a known_hosts file trusting it and a password file. */
final class SftpFixture implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final SftpTestServer server;
  final Path knownHosts;
  final Path passwordFile;

  SftpFixture(Path tempDir) throws IOException, GeneralSecurityException {
    Path root = Files.createDirectories(tempDir.resolve("server"));
    Files.createDirectories(root.resolve("in"));
    server = new SftpTestServer(root);
    knownHosts = tempDir.resolve("known_hosts");
    trustCurrentKey();
    passwordFile = Files.writeString(tempDir.resolve("sftp.pass"), SftpTestServer.PASSWORD + "\n");
  }

  void trustCurrentKey() throws IOException {
    Files.writeString(knownHosts, server.knownHostsLine() + "\n");
  }

  /** Settings that log in by password file into {@code /in}. */
  ObjectNode settings() {
    ObjectNode settings = JSON.createObjectNode();
    settings.put("type", "sftp");
    settings.put("host", "127.0.0.1");
    settings.put("port", server.port());
    settings.put("user", SftpTestServer.USER);
    settings.put("password-file", passwordFile.toString());
    settings.put("known-hosts", knownHosts.toString());
    settings.put("remote-dir", "/in");
    settings.put("connect-timeout", "5s");
    settings.put("auth-timeout", "5s");
    return settings;
  }

  SftpFileStore open() throws IOException {
    return new SftpStoreKind().open(settings());
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
