package io.shelfstream.engine.integration;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Management bodies a client could send, for fuzzing: JSON values of any shape with any Unicode
 * (lone surrogates escaped as {@code \\uD800} included), bodies shaped like a Kafka integration
 * with wrong values, deep nesting, sizes around the limit, HOCON and plain garbage.
 */
public final class ManagementBodies {
  private ManagementBodies() {}

  /** Any of the kinds below, as the bytes a client sends. */
  public static Arbitrary<byte[]> any() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, kafkaLike().map(ManagementBodies::utf8)),
        net.jqwik.api.Tuple.of(2, json(3).map(ManagementBodies::utf8)),
        net.jqwik.api.Tuple.of(1, deep().map(ManagementBodies::utf8)),
        net.jqwik.api.Tuple.of(1, hocon().map(ManagementBodies::utf8)),
        net.jqwik.api.Tuple.of(1, large().map(ManagementBodies::utf8)),
        net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)));
  }

  /** A JSON object of type kafka whose keys are mostly settings and whose values are anything. */
  public static Arbitrary<String> kafkaLike() {
    Arbitrary<String> member =
        Arbitraries.oneOf(
            pair("bootstrap-servers", Arbitraries.oneOf(hosts(), scalar())),
            pair(
                "topics",
                object(
                    Arbitraries.of("transactions", "inventory", "stores", "transactons"),
                    Arbitraries.oneOf(topicNames(), scalar()))),
            pair("group-id", scalar()),
            pair("max-poll-records", scalar()),
            pair("start-from", Arbitraries.oneOf(Arbitraries.of("earliest", "latest"), scalar())),
            pair("default-source", scalar()),
            pair("connection-timeout", Arbitraries.oneOf(durations(), scalar())),
            pair(
                "commit",
                object(
                    Arbitraries.of("max-batch", "max-interval", "max-bach"),
                    Arbitraries.oneOf(durations(), scalar()))),
            pair(
                "properties",
                object(
                    Arbitraries.of(
                        "security.protocol",
                        "session.timeout.ms",
                        "fetch.min.bytes",
                        "sasl.jaas.config",
                        "interceptor.classes",
                        "group.id",
                        "no.such.property",
                        "isolation.level"),
                    scalar())),
            Combinators.combine(key(), json(2)).as(ManagementBodies::member));
    Arbitrary<String> start =
        Arbitraries.of(
            "{\"type\":\"kafka\"",
            "{\"type\":\"kafka\",\"bootstrap-servers\":\"127.0.0.1:9092\","
                + "\"topics\":{\"transactions\":\"pos\"}");
    return Combinators.combine(start, member.list().ofMaxSize(8))
        .as(
            (head, members) ->
                head + (members.isEmpty() ? "" : "," + String.join(",", members)) + "}");
  }

  /** Any JSON value nested at most {@code depth} levels. */
  public static Arbitrary<String> json(int depth) {
    if (depth == 0) {
      return scalar();
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, scalar()),
        net.jqwik.api.Tuple.of(
            1,
            json(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]")),
        net.jqwik.api.Tuple.of(1, object(key(), json(depth - 1))));
  }

  public static Arbitrary<String> scalar() {
    return Arbitraries.oneOf(
        text().map(ManagementBodies::quoted),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles()
            .map(String::valueOf)
            .filter(d -> !d.contains("N") && !d.contains("I")),
        Arbitraries.of("1e400", "-0", "0.5", "1E+2", "123456789012345678901234567890", "7"),
        Arbitraries.of("true", "false", "null", "\"\"", "\"${HOME}\"", "\"not a host\""),
        hosts(),
        durations());
  }

  /** Text of any UTF-16 code units: letters mostly, and now and then a lone surrogate. */
  public static Arbitrary<String> text() {
    Arbitrary<Character> chars =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.chars().range('a', 'z')),
            net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0000', '\u007f')),
            net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0080', '\uffff')),
            net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff')));
    return chars
        .list()
        .ofMaxSize(30)
        .map(
            list -> {
              StringBuilder text = new StringBuilder();
              list.forEach(text::append);
              return text.toString();
            });
  }

  private static Arbitrary<String> key() {
    return Arbitraries.oneOf(
        text(),
        Arbitraries.of(
            "type", "topics", "bootstrap-servers", "group_id", "bootstrapServers", "id", ""));
  }

  private static Arbitrary<String> hosts() {
    return Arbitraries.of(
            "127.0.0.1:9092",
            "broker1:9092,broker2:9093",
            "[::1]:9092",
            "host:0",
            "host:99999",
            "host",
            ":9092",
            "a..b:1",
            "kafka_1:9092",
            " , ",
            "${HOME}")
        .map(ManagementBodies::quoted);
  }

  private static Arbitrary<String> topicNames() {
    return Arbitraries.of(
            "pos.transactions.completed", "", ".", "..", "a/b", "x".repeat(250), "ok_topic-1")
        .map(ManagementBodies::quoted);
  }

  private static Arbitrary<String> durations() {
    return Arbitraries.of(
            "1s", "500ms", "0s", "-1s", "2 minutes", "soon", "10d", "99999999999999999999d", "1.5s")
        .map(ManagementBodies::quoted);
  }

  private static Arbitrary<String> deep() {
    return Arbitraries.integers()
        .between(1, 6000)
        .flatMap(
            depth ->
                Arbitraries.of("[", "{\"a\":")
                    .map(
                        open -> {
                          String close = open.equals("[") ? "]" : "}";
                          return "{\"type\":\"kafka\",\"x\":"
                              + open.repeat(depth)
                              + "1"
                              + close.repeat(depth)
                              + "}";
                        }));
  }

  private static Arbitrary<String> hocon() {
    return Arbitraries.of(
        "include url(\"http://127.0.0.1:9/\")",
        "include file(\"/etc/hosts\")",
        "{\"type\":\"kafka\",\"bootstrap-servers\":${HOME}}",
        "type = kafka\nbootstrap-servers = \"127.0.0.1:9092\"",
        "{\"type\":\"kafka\"} trailing",
        "{\"type\":\"kafka\",\"type\":\"kafka\"}",
        "",
        "   ",
        "[]",
        "\"kafka\"",
        "{\"type\":\"kafka\",}",
        "{'type':'kafka'}");
  }

  private static Arbitrary<String> large() {
    return Arbitraries.integers()
        .between(60_000, 70_000)
        .map(size -> "{\"type\":\"kafka\",\"group-id\":\"" + "g".repeat(size) + "\"}");
  }

  private static Arbitrary<String> pair(String key, Arbitrary<String> value) {
    return value.map(json -> member(key, json));
  }

  private static Arbitrary<String> object(Arbitrary<String> keys, Arbitrary<String> values) {
    return Combinators.combine(keys, values)
        .as(ManagementBodies::member)
        .list()
        .ofMaxSize(4)
        .map(members -> "{" + String.join(",", members) + "}");
  }

  private static String member(String key, String json) {
    return quoted(key) + ":" + json;
  }

  /** A JSON string literal; control characters and surrogates escaped as \\uXXXX. */
  public static String quoted(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
