package io.shelfstream.bench.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A daily-sales file of the built-in {@code sales} layout, the same bytes for the same seed: {@link
 * #PRODUCTS} products over all four channels, one row a second from {@link #START} (a million rows
 * span 11.6 days), so that no two rows are the same fact (identical rows would be one event). Every
 * {@code badEvery}-th row names a channel the layout refuses: a dead letter, counted apart.
 */
public final class SalesCsv {
  public static final String HEADER =
      "date,product_id,channel,quantity_sold,revenue,customer_segment,promotion_code,"
          + "fulfillment_method";
  public static final int PRODUCTS = 400;
  public static final LocalDateTime START = LocalDateTime.of(2026, 3, 1, 0, 0);
  static final List<String> CHANNELS = List.of("online", "pos", "marketplace", "wholesale");
  static final String BAD_CHANNEL = "kiosk";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final List<String> SEGMENTS = List.of("", "loyal", "new", "business", "staff");
  private static final List<String> FULFILMENT = List.of("", "ship", "pickup", "in_store");

  /** What was written: {@code rows} data rows after the header, {@code badRows} of them bad. */
  public record Written(Path file, long rows, long badRows, long bytes) {
    public long goodRows() {
      return rows - badRows;
    }
  }

  private final SplittableRandom random;
  private final long badEvery;
  private long next;

  /** Rows of {@code seed}; every {@code badEvery}-th one bad (0: none). */
  public SalesCsv(long seed, long badEvery) {
    this.random = new SplittableRandom(seed);
    this.badEvery = badEvery;
  }

  /** The next data row, without its line break. */
  public String nextRow() {
    long index = next++;
    boolean bad = isBad(index);
    int product = skewed(PRODUCTS);
    int quantity = 1 + skewed(6);
    long cents = quantity * (199L + product * 37L % 9_800);
    String channel = bad ? BAD_CHANNEL : CHANNELS.get(random.nextInt(CHANNELS.size()));
    String promotion = random.nextInt(10) == 0 ? "SPRING" + (10 + random.nextInt(3) * 5) : "";
    return String.join(
        ",",
        DATE.format(START.plusSeconds(index)),
        String.format(Locale.ROOT, "SKU-%05d", product),
        channel,
        Integer.toString(quantity),
        String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100),
        SEGMENTS.get(random.nextInt(SEGMENTS.size())),
        promotion,
        FULFILMENT.get(random.nextInt(FULFILMENT.size())));
  }

  /** Whether row {@code index} (from 0) is a bad one. */
  public boolean isBad(long index) {
    return badEvery > 0 && (index + 1) % badEvery == 0;
  }

  /** Writes the header and {@code rows} rows of {@code seed} to {@code file}. */
  public static Written write(Path file, long rows, long badEvery, long seed) throws IOException {
    SalesCsv csv = new SalesCsv(seed, badEvery);
    long bad = 0;
    try (BufferedWriter out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      out.write(HEADER);
      out.write('\n');
      for (long i = 0; i < rows; i++) {
        bad += csv.isBad(i) ? 1 : 0;
        out.write(csv.nextRow());
        out.write('\n');
      }
    }
    return new Written(file, rows, bad, Files.size(file));
  }

  /** About how many rows make a file of {@code bytes}: rows average 62 bytes. */
  public static long rowsForBytes(long bytes) {
    return bytes / 62;
  }

  /** Small numbers more often than big ones, as sales of a catalogue are. */
  private int skewed(int bound) {
    double u = random.nextDouble();
    return (int) (bound * u * u);
  }
}
