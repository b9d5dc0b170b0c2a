package io.referralrules.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked example runs, and docs/writing-rules.md shows exactly the DRL and the test the build runs. */
class HostRulesExampleTest {
    private static final Path DOC = Path.of("../docs/writing-rules.md");

    @Test
    void theExampleBlocksTheBankAndReportsTheTypoWithItsLine() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        HostRulesExample.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("C-104 (example-crm-earned-trust@2026.11): READY_TO_ASK")
                .contains("C-104-BANK (example-crm-earned-trust@2026.11): BLOCKED - Customer C-104-BANK is in banking,"
                        + " a regulated industry: compliance forbids referral asks.  <Customers in a regulated industry are never asked>")
                .contains("Rejected: [com/example/crm/rules/typo.drl:5: ")
                .contains("industy");
    }

    @Test
    void theGuideShowsTheRuleFileAsItIs() throws IOException {
        String drl = Files.readString(Path.of("src/main/resources/com/example/crm/rules/regulated-industries.drl"));

        assertThat(Files.readString(DOC)).contains(drl);
    }

    @Test
    void theGuideShowsTheKitTestAsItIs() throws IOException {
        String test = Files.readString(Path.of("src/test/java/io/referralrules/examples/RegulatedIndustryRuleTest.java"));
        String region = test.substring(test.indexOf("// tag::kit[]\n") + "// tag::kit[]\n".length(), test.indexOf("    // end::kit[]"));

        String unindented = region.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n"));

        assertThat(Files.readString(DOC)).contains(unindented);
    }
}
