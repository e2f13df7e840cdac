package io.shelfstream.bench.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Reading a file integration's status as the node answers it. */
class FileProgressTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aFileIsDoneOnceTheLastFileNamesItWithItsCounts() throws Exception {
    var status =
        JSON.readTree(
            """
            {"id":"bench-files","type":"directory","state":"running","read":1000000,
             "accepted":999900,"duplicates":0,"rejected":100,"details":{"store":"/tmp/in",
             "filesDone":1,"filesWithErrors":1,"filesSkipped":0,"filesRefused":0,
             "lastFile":{"name":"DAILY_SALES_20260301.csv","accepted":999900,"duplicates":0,
             "rejected":100,"failed":0}}}
            """);

    FileProgress progress = FileProgress.of(status, "DAILY_SALES_20260301.csv");

    assertThat(progress.done()).isTrue();
    assertThat(progress.accepted()).isEqualTo(999_900);
    assertThat(progress.rejected()).isEqualTo(100);
    assertThat(progress.duplicates()).isZero();
  }

  @Test
  void aFileBeingReadOrAnotherFileDoneIsNotDone() throws Exception {
    var reading =
        JSON.readTree(
            """
            {"state":"running","details":{"filesDone":1,"currentFile":"DAILY_SALES_20260301.csv",
             "currentLine":41000,"lastFile":{"name":"DAILY_SALES_WARMUP.csv","accepted":5}}}
            """);

    FileProgress progress = FileProgress.of(reading, "DAILY_SALES_20260301.csv");

    assertThat(progress.done()).isFalse();
    assertThat(progress.accepted()).isZero();
    assertThat(progress.currentLine()).isEqualTo(41_000);
  }

  @Test
  void aFailedIntegrationSaysSoWithItsError() throws Exception {
    var failed =
        JSON.readTree(
            """
            {"state":"failed","lastError":"host key refused","details":{}}
            """);

    FileProgress progress = FileProgress.of(failed, "DAILY_SALES_20260301.csv");

    assertThat(progress.lastError()).isEqualTo("host key refused");
    assertThat(progress.done()).isFalse();
  }
}
