package io.shelfstream.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.http.testkit.Api;

/** Creates API tokens through POST /v1/tokens, for tests. */
final class Tokens {
  private Tokens() {}

  static String create(Api admin, String role, String name) {
    return create(admin, "{\"role\":\"" + role + "\",\"name\":\"" + name + "\"}");
  }

  static String create(Api admin, String body) {
    var created = admin.post("/v1/tokens", "application/json", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("token").asText();
  }
}
