package io.shelfstream.http.auth.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.auth.Role;
import io.shelfstream.http.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/tokens}: {@code role}, optional {@code name}, and for an ingest token
 * optional {@code sources} and {@code stores}. Each error names its field.
 */
public record TokenRequest(Role role, String name, List<String> sources, List<String> stores) {
  private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final int MAX_SCOPES = 1000;

  public static TokenRequest parse(byte[] body) {
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException(
          "the body must be a JSON object, e.g. {\"role\": \"ingest\", \"sources\": [\"pos\"]}");
    }
    JsonNode roleNode = json.get("role");
    Role role =
        roleNode == null || !roleNode.isTextual()
            ? null
            : Role.parse(roleNode.asText()).orElse(null);
    if (role == null) {
      throw new IllegalArgumentException("role: required, one of " + Role.names());
    }
    JsonNode nameNode = json.get("name");
    String name = nameNode == null || nameNode.isNull() ? "" : nameNode.asText();
    if (name.length() > 255 || name.contains("\n")) {
      throw new IllegalArgumentException("name: at most 255 characters on one line");
    }
    List<String> sources = scopes(json, "sources");
    List<String> stores = scopes(json, "stores");
    if (role != Role.INGEST && (!sources.isEmpty() || !stores.isEmpty())) {
      throw new IllegalArgumentException(
          "sources, stores: scopes apply to ingest tokens only, not to " + role.wireName());
    }
    return new TokenRequest(role, name, sources, stores);
  }

  private static List<String> scopes(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray() || node.size() > MAX_SCOPES) {
      throw new IllegalArgumentException(
          field + ": must be an array of at most " + MAX_SCOPES + " names");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode entry : node) {
      if (!entry.isTextual() || !SCOPE.matcher(entry.asText()).matches()) {
        throw new IllegalArgumentException(
            field + ": each entry must be a name of 1-128 letters, digits, '.', '_', ':' or '-'");
      }
      names.add(entry.asText());
    }
    return List.copyOf(names);
  }
}
