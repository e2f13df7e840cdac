package io.shelfstream.http.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.PosJson;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replaying the journal over HTTP: an inventory entry holds the events of one command, pages are
 * bounded by the events they hold, and paging by entity or by tag gives every event once, in the
 * order journaled.
 */
class JournalRoutesTest {
  private static final int REQUESTS = 3;
  private static final int LINES = 20;

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void pagesOfEntriesGiveEveryEventOnceInJournalOrder(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        ShelfstreamNode node =
            TestNode.start(db.settings(), Files.createTempDirectory("shelfstream-journal-"))) {
      Api api = new Api(TestNode.baseUrl(node));
      List<String> posted = new ArrayList<>();
      for (int r = 0; r < REQUESTS; r++) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
          String id = "j" + r + "-" + i;
          posted.add(id);
          body.append(PosJson.sale(id, "J1", "K" + i, 1)).append('\n');
        }
        // one request at a time: the entity journals each request's events before the next
        assertThat(api.postNdjson(body.toString()).json().get("accepted").asInt()).isEqualTo(LINES);
      }

      List<String> byEntity = new ArrayList<>();
      List<Integer> entrySizes = new ArrayList<>();
      long from = 1;
      long expectedSequenceNr = 1;
      for (int page = 0; page < 100 && byEntity.size() < posted.size(); page++) {
        JsonNode answer =
            api.get("/v1/journal/entities/LocationInventory%7CJ1/events?from=" + from + "&limit=7")
                .json();
        JsonNode entries = answer.get("events");
        assertThat(entries).isNotEmpty();
        int eventsInPage = 0;
        for (JsonNode entry : entries) {
          assertThat(entry.get("sequenceNr").asLong()).isEqualTo(expectedSequenceNr++);
          assertThat(entry.get("eventType").asText()).isEqualTo("EventsRecorded");
          JsonNode events = entry.path("event").path("events");
          entrySizes.add(events.size());
          eventsInPage += events.size();
          events.forEach(event -> byEntity.add(event.path("stamp").path("eventId").asText()));
        }
        assertThat(entries.size() == 1 || eventsInPage <= 7)
            .as("a page holds whole entries up to the limit's events, or one entry")
            .isTrue();
        from = answer.get("next").asLong();
        assertThat(from).isEqualTo(expectedSequenceNr);
      }
      assertThat(byEntity).as("every event once, in the order journaled").isEqualTo(posted);
      assertThat(entrySizes).as("an entry holds the events of one command").anyMatch(n -> n > 1);

      List<String> byTag = new ArrayList<>();
      for (JsonNode tag : api.get("/v1/journal/tags").json().get("tags")) {
        long after = 0;
        for (int page = 0; page < 100; page++) {
          JsonNode answer =
              api.get("/v1/journal/tags/" + tag.asText() + "/events?after=" + after + "&limit=7")
                  .json();
          if (answer.get("events").isEmpty()) {
            break;
          }
          for (JsonNode entry : answer.get("events")) {
            assertThat(entry.get("offset").asLong()).isGreaterThan(after);
            if (entry.get("persistenceId").asText().equals("LocationInventory|J1")) {
              entry
                  .path("event")
                  .path("events")
                  .forEach(event -> byTag.add(event.path("stamp").path("eventId").asText()));
            }
          }
          after = answer.get("next").asLong();
        }
      }
      assertThat(byTag).as("the same events by tag").isEqualTo(posted);
    }
  }
}
