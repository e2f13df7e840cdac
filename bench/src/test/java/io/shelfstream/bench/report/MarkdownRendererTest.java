package io.shelfstream.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  @Test
  void rendersOneSummaryTableTheMethodsAndEachRunAsATableRow() throws Exception {
    Report report = Report.read(Path.of(getClass().getResource("/sample-report.json").toURI()));

    String markdown = MarkdownRenderer.render(report);

    assertThat(markdown)
        .startsWith("# Shelfstream benchmarks")
        .contains("`./shelfstream bench --only http`")
        .contains("(docs/history/benchmarks.md).\n\n|  |  |\n")
        .contains("| measured runs per scenario | 1 |")
        .contains(
            "| figure | result |\n| --- | --- |\n| HTTP → PostgreSQL, saturation | 70,868"
                + " events/s |\n| engine ÷ COPY | 0.625 |\n")
        .contains("### HTTP → PostgreSQL\n\nA node on a fresh schema, 60 s per run.")
        .contains(
            "At saturation:\n\n| accepted events | events per second | acks as expected |"
                + " cpu cores |\n| --- | --- | --- | --- |\n| 4,256,893 | 70,868 | yes | node 1.02,"
                + " postgres 0.45 |\n")
        .contains("| a \\| b |");
    assertThat(markdown.indexOf("## Summary")).isLessThan(markdown.indexOf("## Method"));
    assertThat(markdown.indexOf("## Method")).isLessThan(markdown.indexOf("## Raw runs"));
  }
}
