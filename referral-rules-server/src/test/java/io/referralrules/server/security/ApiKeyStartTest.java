package io.referralrules.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A configured API key entry that is not a digest stops the service's start, naming the tenant, never the value. */
class ApiKeyStartTest {

    @Test
    void aPlainKeyInPlaceOfItsDigestStopsTheStart() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        Throwable failure;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            failure = catchThrowable(() -> SecurityTestServer.start(
                    "referral-rules.security.api-keys.globex[0]=globex-plain-key-0001").close());
        } finally {
            System.setOut(console);
        }
        String log = printed.toString(StandardCharsets.UTF_8);

        assertThat(failure).isNotNull();
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("referral-rules.security.api-keys.globex[0] (tenant 'globex')");
        assertThat(log).contains("tenant 'globex'").doesNotContain("globex-plain-key-0001");
    }
}
