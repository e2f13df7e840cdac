package io.shelfstream.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.simulations.event.StockKey;
import io.shelfstream.simulations.testing.FakeNode;
import io.shelfstream.simulations.testing.WireValidator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeNode node;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    node = new FakeNode();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private int simulate(String... args) {
    return Simulate.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String[] against(String... args) {
    return Stream.concat(
            Stream.of(
                "--target",
                node.uri().toString(),
                "--stores",
                "2",
                "--products",
                "10",
                "--days",
                "6",
                "--json"),
            Stream.of(args))
        .toArray(String[]::new);
  }

  private JsonNode summary() throws Exception {
    return JSON.readTree(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyNoiseAtOnceOverStreamingTillsEndsWithEveryRecordMatching() throws Exception {
    int exit =
        simulate(
            against(
                "--mode",
                "stream",
                "--tills",
                "3",
                "--duplicates",
                "5",
                "--malformed",
                "3",
                "--out-of-order",
                "30",
                "--late",
                "10",
                "--conflicts",
                "20"));

    JsonNode summary = summary();
    assertThat(exit).as(summary.toPrettyString()).isZero();
    assertThat(summary.get("mismatches").asLong()).isZero();
    assertThat(summary.get("rejected").asLong())
        .isEqualTo(summary.get("malformedSent").asLong())
        .isPositive();
    assertThat(
            summary.get("accepted").asLong()
                + summary.get("duplicates").asLong()
                + summary.get("rejected").asLong())
        .isEqualTo(summary.get("linesSent").asLong());
    assertThat(summary.get("ackLatencyMillis").get("lines").asLong())
        .isEqualTo(summary.get("linesSent").asLong());
  }

  @Test
  void aPreparedRunWithEveryNoiseEndsWithEveryRecordMatching() throws Exception {
    int exit =
        simulate(
            against(
                "--prepare",
                "--events",
                "3000",
                "--duplicates",
                "3",
                "--malformed",
                "1",
                "--out-of-order",
                "10",
                "--late",
                "2",
                "--conflicts",
                "5"));

    JsonNode summary = summary();
    assertThat(exit).as(summary.toPrettyString()).isZero();
    assertThat(summary.get("mismatches").asLong()).isZero();
    assertThat(summary.get("worldEvents").asLong()).isEqualTo(3000);
    assertThat(err.toString()).contains("every line generated before sending");
  }

  @Test
  void preparingSendsTheSameLinesWithTheSameTruth(@TempDir Path dir) throws Exception {
    String[] common = {
      "--stores", "2", "--products", "8", "--events", "2000", "--duplicates", "10", "--malformed",
      "5", "--out-of-order", "50", "--late", "20", "--conflicts", "30", "--seed", "7"
    };
    for (String run : new String[] {"live", "prepared"}) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--out",
                  dir.resolve(run).toString(),
                  "--truth",
                  dir.resolve(run + ".truth").toString()));
      args.addAll(List.of(common));
      if (run.equals("prepared")) {
        args.add("--prepare");
      }
      assertThat(simulate(args.toArray(String[]::new))).as(run).isZero();
    }

    assertThat(Files.mismatch(dir.resolve("live"), dir.resolve("prepared"))).isEqualTo(-1L);
    assertThat(Files.mismatch(dir.resolve("live.truth"), dir.resolve("prepared.truth")))
        .isEqualTo(-1L);
  }

  @Test
  void mixedModeAndBurstsWork() throws Exception {
    int exit =
        simulate(
            against(
                "--mode",
                "mixed",
                "--tills",
                "2",
                "--batch",
                "50",
                "--duplicates",
                "3",
                "--malformed",
                "2",
                "--burst",
                "--rate",
                "0"));

    assertThat(exit).as(out.toString()).isZero();
    assertThat(summary().get("transport").asText()).startsWith("mixed over HTTP");
  }

  @Test
  void theDemoPresetCanBeShortened() throws Exception {
    int exit =
        simulate("--preset=demo", "--events=3000", "--target", node.uri().toString(), "--json");

    JsonNode summary = summary();
    assertThat(exit).as(summary.toPrettyString()).isZero();
    assertThat(summary.get("worldEvents").asLong()).isEqualTo(3000);
    assertThat(summary.get("seed").asLong()).isEqualTo(2026);
    assertThat(summary.get("transport").asText()).startsWith("batch over HTTP");
    assertThat(summary.get("reordered").asLong()).isPositive();
    assertThat(summary.get("inventoryRecords").asLong()).isGreaterThan(100);
  }

  @Test
  void aWrongRecordFailsTheRunAndIsShown() {
    node.skewOnHand(new StockKey("S001", "3760040000008"));

    int exit =
        simulate(
            "--target",
            node.uri().toString(),
            "--stores",
            "2",
            "--products",
            "10",
            "--days",
            "6",
            "--settle-timeout",
            "0");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains("1 mismatches")
        .contains("inventory S001/3760040000008: onHand: expected")
        .contains("FAILED");
  }

  @Test
  void aRejectedValidLineFailsTheRun() throws Exception {
    node.rejectValidLinesOfType("return");

    int exit = simulate(against("--settle-timeout", "0"));

    assertThat(exit).isEqualTo(1);
    assertThat(summary().get("verdict").toString()).contains("valid lines were rejected");
  }

  @Test
  void writesTheStreamAndTheTruthToFiles(@TempDir Path dir) throws Exception {
    Path stream = dir.resolve("events.ndjson");
    Path truth = dir.resolve("truth.json");

    int exit =
        simulate(
            "--out",
            stream.toString(),
            "--truth",
            truth.toString(),
            "--stores",
            "2",
            "--products",
            "5",
            "--events",
            "2000",
            "--malformed",
            "5",
            "--json");

    assertThat(exit).isZero();
    List<String> lines = Files.readAllLines(stream, StandardCharsets.ISO_8859_1);
    assertThat((long) lines.size()).isEqualTo(summary().get("linesSent").asLong());
    long invalid =
        lines.stream()
            .filter(line -> !WireValidator.isValid(line.getBytes(StandardCharsets.ISO_8859_1)))
            .count();
    assertThat(invalid).isEqualTo(summary().get("malformedSent").asLong());
    JsonNode expected = JSON.readTree(truth.toFile());
    assertThat(expected.get("inventory").size())
        .isEqualTo(summary().get("inventoryRecords").asInt());
    JsonNode store = expected.get("stores").get(0);
    assertThat(store.get("storeId").asText()).isEqualTo("S001");
    assertThat(store.get("provenance").get("timezone").get("eventId").asText()).startsWith("m-");
  }

  @Test
  void theSameSeedWritesTheSameFile(@TempDir Path dir) throws Exception {
    String[] common = {
      "--stores",
      "2",
      "--products",
      "8",
      "--days",
      "5",
      "--duplicates",
      "10",
      "--malformed",
      "5",
      "--out-of-order",
      "50",
      "--late",
      "20",
      "--conflicts",
      "30",
      "--seed",
      "99"
    };
    assertThat(
            simulate(
                Stream.concat(Stream.of("--out", dir.resolve("a").toString()), Stream.of(common))
                    .toArray(String[]::new)))
        .isZero();
    assertThat(
            simulate(
                Stream.concat(Stream.of("--out", dir.resolve("b").toString()), Stream.of(common))
                    .toArray(String[]::new)))
        .isZero();

    assertThat(Files.size(dir.resolve("a"))).isPositive();
    assertThat(Files.mismatch(dir.resolve("a"), dir.resolve("b"))).isEqualTo(-1L);
  }

  @Test
  void helpListsEveryOptionTheReadmeUses() {
    assertThat(simulate("--help")).isZero();
    assertThat(out.toString())
        .contains("--target=URI", "--kafka=HOSTS", "--topic=T", "--out=FILE", "--truth=FILE")
        .contains("--stores=N", "--products=N", "--days=N", "--events=N", "--prepare")
        .contains("--duplicates=P", "--malformed=P", "--out-of-order=P", "--preset=demo")
        .contains("stores (default 15)", "re-send P% of the lines later");
  }

  @Test
  void badOptionsNameTheOptionAndWhy() {
    assertBad(
        "Invalid value for option '--rate': 'fast' is not a double",
        "--target",
        "http://127.0.0.1:1",
        "--rate",
        "fast");
    assertBad("--rate must be a number >= 0", "--target", "http://127.0.0.1:1", "--rate", "-1");
    assertBad(
        "--mode mixed needs --tills 2",
        "--target",
        "http://127.0.0.1:1",
        "--mode",
        "mixed",
        "--tills",
        "1");
    assertBad("Unknown option: '--colour'", "--target", "http://127.0.0.1:1", "--colour");
    assertBad("Possible solutions: --tills", "--target", "http://127.0.0.1:1", "--tils", "3");
    assertBad("--target is required", "--events", "10");
    assertBad(
        "--duplicates must be a percentage from 0 to 100, got 120",
        "--target",
        "http://127.0.0.1:1",
        "--duplicates",
        "120");
    assertBad(
        "--kafka needs --topic", "--target", "http://127.0.0.1:1", "--kafka", "127.0.0.1:9092");
    assertBad(
        "--mode applies to HTTP only",
        "--target",
        "http://a:1",
        "--kafka",
        "k:9092",
        "--topic",
        "t",
        "--mode",
        "stream");
    assertBad("--out writes the stream to a file", "--target", "http://127.0.0.1:1", "--out", "x");
    assertBad(
        "Invalid value for option '--target': must be an http:// URI",
        "--target",
        "127.0.0.1:8080");
    assertBad("--preset must be demo", "--preset", "huge", "--target", "http://127.0.0.1:1");
    assertBad(
        "Missing required parameter for option '--events'",
        "--target",
        "http://127.0.0.1:1",
        "--events");
    assertBad(
        "--stores is given twice", "--target", "http://a:1", "--stores", "2", "--stores", "3");
    assertBad("--target is given twice", "--target", "http://a:1", "--target", "http://b:1");
    assertBad(
        "--prepare generates every line before sending: it needs --events",
        "--target",
        "http://127.0.0.1:1",
        "--prepare");
  }

  private void assertBad(String message, String... args) {
    err.reset();
    assertThat(simulate(args)).as(String.join(" ", args)).isEqualTo(Simulate.EXIT_BAD_OPTIONS);
    assertThat(err.toString()).contains(message).contains("--help lists every option");
  }

  @Test
  void anUnreachableNodeIsARunFailure() {
    int exit = simulate("--target", "http://127.0.0.1:1", "--events", "10");

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("cannot read the policies of http://127.0.0.1:1");
  }
}
