package io.referralrules.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled playbooks run the rules precompiled by kie-maven-plugin, not DRL compiled at start-up. */
class PrecompiledModelTest {
    @Test
    void theEngineModuleShipsTheExecutableModel() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/kie/io.referralrules/referral-rules-engine/drools-model")) {
            assertThat(in).as("executable model index written by kie-maven-plugin").isNotNull();
            String index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String pkg : new String[] {"common", "earnedtrust", "postsale"}) {
                String prefix = "io.referralrules.rules." + pkg + ".Rules";
                String rulesClass = index.lines().filter(l -> l.startsWith(prefix)).findFirst()
                        .orElseThrow(() -> new AssertionError("no executable model for package " + pkg + " in " + index));
                assertThat(getClass().getClassLoader().getResource(rulesClass.replace('.', '/') + ".class")).isNotNull();
            }
        }
    }
}
