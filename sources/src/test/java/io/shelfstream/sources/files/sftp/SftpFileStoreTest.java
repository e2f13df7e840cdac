package io.shelfstream.sources.files.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.sources.files.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the file pipeline does with an SFTP directory, against a real server. */
class SftpFileStoreTest {
  private static final int MIB = 1024 * 1024;

  @TempDir Path tempDir;
  private SftpFixture sftp;
  private SftpFileStore store;

  @BeforeEach
  void open() throws IOException, GeneralSecurityException {
    sftp = new SftpFixture(tempDir);
    store = sftp.open();
    assertThat(store.protocolVersion()).isEqualTo(6);
  }

  @AfterEach
  void close() throws IOException {
    store.close();
    sftp.close();
  }

  @Test
  void listsTheRegularFilesOfTheRemoteDirWithTheirSizeAndTime() throws IOException {
    Path file = sftp.server.put("in/DAILY_SALES_20250115.csv", "date,product_id\n");
    Instant modified = Instant.parse("2025-01-15T10:30:00Z");
    Files.setLastModifiedTime(file, FileTime.from(modified));
    Files.setLastModifiedTime(
        sftp.server.put("in/INV_SNAPSHOT_1.csv", "a"), FileTime.from(modified));
    sftp.server.put("in/processed/old.csv", "in a sub-directory");
    sftp.server.put("elsewhere.csv", "outside the remote dir");

    assertThat(store.list())
        .containsExactly(
            new StoredFile("DAILY_SALES_20250115.csv", 16, modified),
            new StoredFile("INV_SNAPSHOT_1.csv", 1, modified));
  }

  @Test
  void opensAFileAtAnOffset() throws IOException {
    sftp.server.put("in/sales.csv", "header\nline 1\nline 2\n");
    try (InputStream in = store.open("sales.csv", 7)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("line 1\nline 2\n");
    }
    try (InputStream in = store.open("sales.csv", 0)) {
      assertThat(in.readAllBytes()).hasSize(21);
    }
  }

  @Test
  void streamsALargeFileFromItsOffsetWithoutFetchingItWhole() throws Exception {
    Path file = sftp.server.root().resolve("in/big.csv");
    int size = 48 * MIB;
    long offset = 40L * MIB + 17;
    writePattern(file, size);
    sftp.server.resetCounters();

    try (InputStream in = store.open("big.csv", offset)) {
      byte[] first = in.readNBytes(1024);
      assertThat(first).hasSize(1024);
      assertThat(first[0]).isEqualTo(patternByte(offset));
      // The first read asked for the offset, and little was sent ahead of what was consumed.
      assertThat(sftp.server.firstReadOffset()).isEqualTo(offset);
      assertThat(sftp.server.bytesServed()).isLessThan(8L * MIB);

      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(first);
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sha256Of(file, offset));
    }
    assertThat(sftp.server.bytesServed()).isEqualTo(size - offset);
  }

  @Test
  void openingAMissingFileSaysItIsGone() {
    assertThatThrownBy(() -> store.open("gone.csv", 0))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("/in/gone.csv");
  }

  @Test
  void movesAFileIntoASubDirectoryCreatingItAndReplacingAnOlderCopy() throws IOException {
    sftp.server.put("in/INV_SNAPSHOT_1.csv", "second upload");
    store.moveTo("INV_SNAPSHOT_1.csv", "processed");
    Path root = sftp.server.root();
    assertThat(root.resolve("in/processed/INV_SNAPSHOT_1.csv")).hasContent("second upload");
    assertThat(root.resolve("in/INV_SNAPSHOT_1.csv")).doesNotExist();

    sftp.server.put("in/INV_SNAPSHOT_1.csv", "third upload");
    store.moveTo("INV_SNAPSHOT_1.csv", "processed");
    assertThat(root.resolve("in/processed/INV_SNAPSHOT_1.csv")).hasContent("third upload");
    assertThat(store.list()).isEmpty();
  }

  @Test
  void replacesOverSftpV3AsOpenSshSpeaksIt() throws Exception {
    store.close();
    sftp.server.restartWithSftpVersion(3);
    store = sftp.open();
    assertThat(store.protocolVersion()).isEqualTo(3);
    sftp.server.put("in/processed/INV_SNAPSHOT_1.csv", "first upload");
    sftp.server.put("in/INV_SNAPSHOT_1.csv", "second upload");
    store.moveTo("INV_SNAPSHOT_1.csv", "processed");
    store.write("processed", "INV_SNAPSHOT_1.csv.report.json", new byte[] {'{', '}'});
    store.write("processed", "INV_SNAPSHOT_1.csv.report.json", new byte[] {'[', ']'});
    Path processed = sftp.server.root().resolve("in/processed");
    assertThat(processed.resolve("INV_SNAPSHOT_1.csv")).hasContent("second upload");
    assertThat(processed.resolve("INV_SNAPSHOT_1.csv.report.json")).hasContent("[]");
  }

  @Test
  void movesIntoAnAbsoluteArchiveDirectoryWithItsParents() throws IOException {
    sftp.server.put("in/DAILY_SALES_1.csv", "rows");
    store.moveTo("DAILY_SALES_1.csv", "/archive/2025/01");
    assertThat(sftp.server.root().resolve("archive/2025/01/DAILY_SALES_1.csv")).hasContent("rows");
  }

  @Test
  void movingAMissingFileSaysItIsGone() {
    assertThatThrownBy(() -> store.moveTo("gone.csv", "processed"))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void writesAReportReplacingAnOlderOne() throws IOException {
    store.write(
        "errors", "sales.csv.report.json", "{\"failed\":1}".getBytes(StandardCharsets.UTF_8));
    store.write(
        "errors", "sales.csv.report.json", "{\"failed\":2}".getBytes(StandardCharsets.UTF_8));
    Path errors = sftp.server.root().resolve("in/errors");
    assertThat(errors.resolve("sales.csv.report.json")).hasContent("{\"failed\":2}");
    try (var left = Files.list(errors)) {
      assertThat(left).hasSize(1); // no partial file left behind
    }
  }

  @Test
  void refusesNamesThatLeaveTheRemoteDir() {
    assertThatThrownBy(() -> store.open("../elsewhere.csv", 0))
        .isInstanceOf(IOException.class)
        .hasMessage("not a plain file name: \"../elsewhere.csv\"");
  }

  private static byte patternByte(long position) {
    return (byte) ('a' + (position % 26));
  }

  private static void writePattern(Path file, int size) throws IOException {
    byte[] block = new byte[MIB];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += block.length) {
        for (int i = 0; i < block.length; i++) {
          block[i] = patternByte(written + i);
        }
        out.write(block);
      }
    }
  }

  private static String sha256Of(Path file, long from)
      throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(from);
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
