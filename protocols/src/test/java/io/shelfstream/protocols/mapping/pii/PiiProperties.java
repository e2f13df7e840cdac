package io.shelfstream.protocols.mapping.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.MappingOptions;
import io.shelfstream.protocols.mapping.MappingResult;
import io.shelfstream.protocols.mapping.record.Record;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the key, the email, and whether the record maps or fails: neither the key nor the email
 * appears in the events, in the failure's reason, or in the raw text kept for its dead letter.
 */
class PiiProperties {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 300)
  void neitherTheKeyNorThePiiValueIsKept(
      @ForAll("keys") String key,
      @ForAll("emails") String email,
      @ForAll("quantities") String qty,
      @ForAll boolean cut)
      throws Exception {
    Mapping mapping =
        PiiMappingTest.compile(
            PiiMappingTest.ORDER_MAPPING, MappingOptions.withPiiKey(PiiKey.of(key)));
    String record =
        PiiMappingTest.order(email, email + "-phone").replace("\"qty\": 2", "\"qty\": " + qty);

    MappingResult result = mapping.apply(Record.json(JSON.readTree(record)));
    String raw = record.substring(0, cut ? record.length() / 2 + 20 : record.length());
    String shown =
        result instanceof MappingResult.Failed failed
            ? failed.reason() + mapping.redaction().jsonText(raw)
            : ((MappingResult.Mapped) result).events().toString();

    assertThat(shown).doesNotContain(key).doesNotContain(email.strip().toLowerCase());
    assertThat(shown).doesNotContain(email);
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.strings().withCharRange('!', '~').ofMinLength(16).ofMaxLength(64);
  }

  @Provide
  Arbitrary<String> emails() {
    var local =
        Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(3).ofMaxLength(20);
    var domain = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12);
    return local.flatMap(l -> domain.map(d -> " " + l + "@" + d + ".example "));
  }

  @Provide
  Arbitrary<String> quantities() {
    return Arbitraries.of("2", "\"two\"", "0", "\"3\"", "null", "[1]");
  }
}
