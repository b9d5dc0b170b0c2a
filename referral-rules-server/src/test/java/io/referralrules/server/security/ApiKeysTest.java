package io.referralrules.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    @Test
    void aConfiguredKeyActsForItsTenant() {
        ApiKeys keys = ApiKeys.of(Map.of(
                "acme", List.of(ApiKeys.digestHex("acme-key-1"), ApiKeys.digestHex("acme-key-2")),
                "globex", List.of(ApiKeys.digestHex("globex-key-1"))));

        assertThat(keys.tenantOf("acme-key-1")).contains("acme");
        assertThat(keys.tenantOf("acme-key-2")).contains("acme");
        assertThat(keys.tenantOf("globex-key-1")).contains("globex");
        assertThat(keys.tenantCount()).isEqualTo(2);
    }

    @Test
    void anUnknownKeyActsForNobody() {
        ApiKeys keys = ApiKeys.of(Map.of("acme", List.of(ApiKeys.digestHex("acme-key-1"))));

        assertThat(keys.tenantOf("acme-key-2")).isEmpty();
        assertThat(keys.tenantOf("")).isEmpty();
        // the digest itself is not a key
        assertThat(keys.tenantOf(ApiKeys.digestHex("acme-key-1"))).isEmpty();
    }

    @Test
    void theDigestIsSha256InLowerCaseHex() {
        // sha256sum of the bytes "acme-demo-key-0001", computed outside the project
        assertThat(ApiKeys.digestHex("acme-demo-key-0001"))
                .isEqualTo("21a4aa5fc49c29983bfbd1dab83ccc3b8e5a258f71ca273fdda2f3482d369a03");
    }

    @Test
    void aDemoKeyMatchesItsPublishedDigest() {
        // printf 'globex-demo-key-0001' | sha256sum
        ApiKeys keys = ApiKeys.of(Map.of("globex",
                List.of("cda477b638e94ddf1f059ccb6fcb42bff4240220c2b30c1da54067b336c97a28")));

        assertThat(keys.tenantOf("globex-demo-key-0001")).contains("globex");
    }

    @Test
    void upperCaseHexIsTheSameDigest() {
        ApiKeys keys = ApiKeys.of(Map.of("acme", List.of(ApiKeys.digestHex("acme-key-1").toUpperCase())));

        assertThat(keys.tenantOf("acme-key-1")).contains("acme");
    }

    @Test
    void aPlainKeyInPlaceOfItsDigestStopsTheStartWithoutShowingIt() {
        assertThatThrownBy(() -> ApiKeys.of(Map.of("acme", List.of("acme-demo-key-0001"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("referral-rules.security.api-keys.acme[0]")
                .hasMessageContaining("tenant 'acme'")
                .hasMessageNotContaining("acme-demo-key-0001");
    }

    @Test
    void aDigestOneCharacterShortStopsTheStart() {
        String shortDigest = ApiKeys.digestHex("acme-key-1").substring(1);

        assertThatThrownBy(() -> ApiKeys.of(Map.of("acme", List.of(ApiKeys.digestHex("acme-key-2"), shortDigest))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("api-keys.acme[1]")
                .hasMessageNotContaining(shortDigest);
    }

    @Test
    void aDigestWithANonHexCharacterStopsTheStart() {
        String notHex = "g" + ApiKeys.digestHex("acme-key-1").substring(1);

        assertThatThrownBy(() -> ApiKeys.of(Map.of("globex", List.of(notHex))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tenant 'globex'")
                .hasMessageNotContaining(notHex);
    }

    @Test
    void anEmptyEntryStopsTheStart() {
        assertThatThrownBy(() -> ApiKeys.of(Map.of("acme", List.of(""))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("api-keys.acme[0]");
    }

    @Test
    void oneKeyForTwoTenantsStopsTheStart() {
        String digest = ApiKeys.digestHex("shared-key");

        assertThatThrownBy(() -> ApiKeys.of(Map.of("acme", List.of(digest), "globex", List.of(digest))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tenant 'globex'")
                .hasMessageContaining("tenant 'acme'")
                .hasMessageNotContaining(digest);
    }

    @Test
    void noKeysActForNobody() {
        ApiKeys keys = ApiKeys.of(Map.of());

        assertThat(keys.tenantOf("anything")).isEmpty();
        assertThat(keys.tenantCount()).isZero();
    }
}
