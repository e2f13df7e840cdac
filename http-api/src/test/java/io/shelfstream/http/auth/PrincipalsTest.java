package io.shelfstream.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.junit.jupiter.api.Test;

/** Who ingestion limits count a request against: its credential, else its address. */
class PrincipalsTest {
  private static final HttpRequest FROM_TILL =
      HttpRequest.POST("/v1/pos/events")
          .addAttribute(
              AttributeKeys.remoteAddress,
              RemoteAddress.create(new InetSocketAddress("10.1.2.3", 40000)));

  @Test
  void aCredentialIsTheClientWhateverItsAddress() {
    var tills =
        new Principal("token abc (tills)", "token:abc", Set.of(Role.INGEST), Set.of(), Set.of());

    assertThat(Principals.clientOf(FROM_TILL.addAttribute(Principals.KEY, tills)))
        .isEqualTo("token abc (tills)");
  }

  @Test
  void withSecurityOffTheAddressIsTheClient() {
    assertThat(Principals.clientOf(FROM_TILL)).isEqualTo("address 10.1.2.3");
  }
}
