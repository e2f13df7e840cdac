package io.shelfstream.http.pos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lines a hostile or broken sender could send, over real HTTP into a node on H2 and PostgreSQL: the
 * node answers every line at once, keeps every rejected one in the dead letters with its reason,
 * takes the valid lines among them, and stays up (issue 22's reproductions among them).
 */
class HostileLinesTest {
  private static final String AT = "\"occurredAt\":\"2026-03-01T09:00:00Z\"";

  /** Lines the parser must reject, each with a word its reason must contain. */
  private static final List<String[]> REJECTED =
      List.of(
          new String[] {
            "{\"type\":\"store\",\"eventId\":\"st-ls-2\",\"occurredAt\":\"2026-02-01T10:00:00Z\","
                + "\"storeId\":\"LS2\",\"name\":\"bad \\ud83d name\"}",
            "name: must be well-formed Unicode"
          },
          new String[] {
            "{\"type\":\"sale\",\"eventId\":\"far\",\"occurredAt\":\"+999999999-12-31T23:59:59Z\","
                + "\"locationId\":\"L1\",\"sku\":\"A\",\"qty\":1}",
            "occurredAt: must be between"
          },
          new String[] {
            "{\"type\":\"store\",\"eventId\":\"st-x\","
                + AT
                + ",\"storeId\":\"\\udc00\",\"name\":\"n\"}",
            "storeId: must be well-formed Unicode"
          },
          new String[] {
            "{\"type\":\"sale\",\"eventId\":\"n\\u0000ul\","
                + AT
                + ",\"locationId\":\"L1\",\"sku\":\"A\",\"qty\":1}",
            "eventId: must not contain the NUL character"
          },
          new String[] {
            "{\"type\":\"store\",\"eventId\":\"nul-name\","
                + AT
                + ",\"storeId\":\"S9\",\"name\":\"a\\u0000b\"}",
            "name: must not contain the NUL character"
          },
          new String[] {
            "{\"type\":\"sale\",\"eventId\":\"deep\",\"meta\":"
                + "[".repeat(5000)
                + "]".repeat(5000)
                + "}",
            "line: not valid JSON"
          },
          new String[] {
            "{\"type\":\"sale\",\"eventId\":\"huge\","
                + AT
                + ",\"locationId\":\"L1\",\"sku\":\"A\",\"qty\":1e999999}",
            "qty: must be an integer"
          },
          new String[] {
            "{\"type\":\"sale\",\"eventId\":\"\\ud800\"}", "eventId: must be well-formed"
          },
          new String[] {"\"just a string\"", "line: must be a JSON object"});

  private static String valid(int n) {
    return "{\"type\":\"sale\",\"eventId\":\"ok-"
        + n
        + "\","
        + AT
        + ",\"locationId\":\"L"
        + (n % 3)
        + "\",\"sku\":\"A\",\"qty\":1}";
  }

  /** Bytes no JSON parser reads the same way twice: random, and cut-off valid lines. */
  private static byte[] garbage(Random random) {
    byte[] line = new byte[1 + random.nextInt(200)];
    random.nextBytes(line);
    for (int i = 0; i < line.length; i++) {
      if (line[i] == '\n' || line[i] == '\r') {
        line[i] = ' ';
      }
    }
    // never blank, so that every line is one the node must answer
    line[0] = (byte) (random.nextBoolean() ? '{' : '#');
    return line;
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void everyLineIsAnsweredAndEveryRejectedOneIsKeptWithItsReason(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        ShelfstreamNode node =
            TestNode.start(db.settings(), Files.createTempDirectory("shelfstream-hostile-"))) {
      Api api = new Api(TestNode.baseUrl(node));

      // each reproduction alone: answered at once, rejected with its reason
      for (String[] line : REJECTED) {
        long started = System.nanoTime();
        JsonNode reply = api.postNdjson(line[0] + "\n").json();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .as("answered at once: %s", line[1])
            .isLessThan(Duration.ofSeconds(2));
        assertThat(reply.get("rejected").asInt()).as(line[1]).isEqualTo(1);
        assertThat(reply.get("errors").get(0).get("error").asText()).contains(line[1]);
      }

      // then all of it mixed in one body, with garbage and valid lines between
      Random random = new Random(7);
      var body = new ByteArrayOutputStream();
      int lines = 0;
      int valid = 0;
      for (int i = 0; i < 400; i++) {
        int pick = random.nextInt(10);
        if (pick < 4) {
          body.write(valid(valid++).getBytes(StandardCharsets.UTF_8));
        } else if (pick < 7) {
          body.write(
              REJECTED.get(random.nextInt(REJECTED.size()))[0].getBytes(StandardCharsets.UTF_8));
        } else {
          body.write(garbage(random));
        }
        body.write('\n');
        lines++;
      }
      JsonNode mixed = api.postNdjson(body.toByteArray()).json();
      assertThat(mixed.get("failed").asInt()).isZero();
      long answered =
          mixed.get("accepted").asLong()
              + mixed.get("duplicates").asLong()
              + mixed.get("rejected").asLong();
      assertThat(answered).as("every line answered").isEqualTo(lines);
      assertThat(mixed.get("accepted").asLong()).isEqualTo(valid);

      JsonNode letters = api.get("/v1/dead-letters?limit=1000").json().get("deadLetters");
      Set<String> reasons = new HashSet<>();
      letters.forEach(letter -> reasons.add(letter.get("reason").asText()));
      assertThat(letters.size())
          .as("every rejected line kept")
          .isEqualTo(REJECTED.size() + mixed.get("rejected").asInt());
      for (String[] line : REJECTED) {
        assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains(line[1]));
      }
      assertThat(api.get("/health").status()).isEqualTo(200);
      List<Integer> statuses = new ArrayList<>();
      for (int n = 0; n < 3; n++) {
        statuses.add(api.store("LS2").status());
      }
      assertThat(statuses).as("the rejected store was never taken").containsOnly(404);
    }
  }
}
