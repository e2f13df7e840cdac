package io.shelfstream.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A file far larger than it would take to hold is streamed: rows of about 100 KB each (a wide
 * column the inventory layout does not read), {@code shelfstream.test.big-file-mb} megabytes in all
 * (64 by default). For a 1 GB file in a JVM of 256 MB, node and test together: {@code
 * -Dshelfstream.test.big-file-mb=1024}, with the parent pom's surefire {@code argLine} set to
 * {@code -Xmx256m}.
 */
class BigFileTest {
  private static final int ROW_BYTES = 100_000;

  @Test
  void aFileLargerThanTheHeapIsReadWhole() throws Exception {
    long megabytes = Long.getLong("shelfstream.test.big-file-mb", 64);
    int rows = (int) (megabytes * 1_000_000 / ROW_BYTES);
    Path root = Files.createTempDirectory("shelfstream-big-");
    try (TestDatabase db = TestDatabase.h2();
        ShelfstreamNode node =
            ShelfstreamNode.start(
                TestNode.config(db.settings(), root.resolve("node"), DirectorySourceTest.FAST))) {
      DropFolder feeds = DropFolder.create(new Api(TestNode.baseUrl(node)), root, "big", "");
      Path staged = root.resolve("staged.csv");
      String wide = "w".repeat(ROW_BYTES - 60);
      try (BufferedWriter out = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
        out.write(FileInputsTest.INVENTORY_HEADER);
        for (int i = 0; i < rows; i++) {
          String at = java.time.LocalDateTime.of(2026, 3, 1, 0, 0).plusSeconds(i).toString();
          out.write(at + ",B-" + (i % 100) + ",store-1," + i + ",,," + wide + ",\n");
        }
      }
      long size = Files.size(staged);
      Files.move(staged, feeds.dir.resolve("INV_SNAPSHOT_big.csv"));
      feeds.awaitIn("processed", "INV_SNAPSHOT_big.csv", java.time.Duration.ofMinutes(20));
      assertThat(size).isGreaterThan(megabytes * 990_000);
      assertThat(feeds.details().path("lastFile").path("accepted").asLong()).isEqualTo(rows);
      assertThat(feeds.onHand("store-1", "B-" + ((rows - 1) % 100))).isEqualTo(rows - 1);
    }
  }
}
