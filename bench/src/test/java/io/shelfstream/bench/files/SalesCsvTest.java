package io.shelfstream.bench.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files scenario's CSV: the same bytes for a seed, rows of the sales layout, bad rows apart.
 */
class SalesCsvTest {

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedOthers(@TempDir Path dir) throws Exception {
    SalesCsv.Written first = SalesCsv.write(dir.resolve("a.csv"), 5_000, 100, 25);
    SalesCsv.Written again = SalesCsv.write(dir.resolve("b.csv"), 5_000, 100, 25);
    SalesCsv.Written other = SalesCsv.write(dir.resolve("c.csv"), 5_000, 100, 26);

    assertThat(Files.readAllBytes(again.file())).isEqualTo(Files.readAllBytes(first.file()));
    assertThat(Files.readAllBytes(other.file())).isNotEqualTo(Files.readAllBytes(first.file()));
    assertThat(first.bytes()).isEqualTo(Files.size(first.file()));
  }

  @Test
  void rowsHaveTheSalesLayoutDistinctDatesAndEveryChannel(@TempDir Path dir) throws Exception {
    SalesCsv.Written written = SalesCsv.write(dir.resolve("s.csv"), 20_000, 1_000, 7);
    List<String> lines = Files.readAllLines(written.file());

    assertThat(lines.get(0)).isEqualTo(SalesCsv.HEADER);
    assertThat(lines).hasSize(20_001);
    Set<String> dates = new HashSet<>();
    Set<String> channels = new HashSet<>();
    Set<String> products = new HashSet<>();
    long bad = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      assertThat(fields).as(line).hasSize(8);
      dates.add(fields[0]);
      assertThat(LocalDateTime.parse(fields[0])).isAfterOrEqualTo(SalesCsv.START);
      assertThat(fields[0]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
      products.add(fields[1]);
      assertThat(fields[1]).matches("SKU-\\d{5}");
      if (fields[2].equals(SalesCsv.BAD_CHANNEL)) {
        bad++;
      } else {
        assertThat(SalesCsv.CHANNELS).contains(fields[2]);
        channels.add(fields[2]);
      }
      assertThat(Integer.parseInt(fields[3])).isPositive();
      assertThat(fields[4]).matches("[1-9]\\d*\\.\\d\\d");
    }
    assertThat(dates).hasSize(20_000);
    assertThat(channels).containsExactlyInAnyOrderElementsOf(SalesCsv.CHANNELS);
    assertThat(products.size()).isBetween(200, SalesCsv.PRODUCTS);
    assertThat(bad).isEqualTo(20).isEqualTo(written.badRows());
    assertThat(written.goodRows()).isEqualTo(19_980);
  }

  @Test
  void rowsForBytesComesNearTheSizeAsked(@TempDir Path dir) throws Exception {
    long bytes = 2_000_000;
    SalesCsv.Written written =
        SalesCsv.write(dir.resolve("s.csv"), SalesCsv.rowsForBytes(bytes), 0, 3);

    assertThat(written.bytes()).isBetween(bytes * 9 / 10, bytes * 11 / 10);
    assertThat(written.badRows()).isZero();
  }
}
