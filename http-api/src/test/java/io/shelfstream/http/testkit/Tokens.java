package io.shelfstream.http.testkit;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates API tokens through POST /v1/tokens, for tests. */
public final class Tokens {
  private Tokens() {}

  public static String create(Api admin, String role, String name) {
    return create(admin, "{\"role\":\"" + role + "\",\"name\":\"" + name + "\"}");
  }

  public static String create(Api admin, String body) {
    var created = admin.post("/v1/tokens", "application/json", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("token").asText();
  }
}
