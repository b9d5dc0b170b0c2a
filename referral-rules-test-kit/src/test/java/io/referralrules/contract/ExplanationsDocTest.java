package io.referralrules.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/explanations.md quotes the example assessment the build produces, word for word. */
class ExplanationsDocTest {
    private static final Path DOC = Path.of("../docs/explanations.md");

    private static String block(String json, String from, String to) {
        return json.substring(json.indexOf("  \"" + from + "\""), json.indexOf("  \"" + to + "\""));
    }

    @Test
    void theGuideQuotesTheStageAndTheWhyNotOfTheExampleAsTheBuildProducesThem() throws IOException {
        String example = Files.readString(JsonContractTest.EXAMPLES.resolve("assessment.json"));
        String doc = Files.readString(DOC);

        assertThat(doc).contains(block(example, "stage", "trustEarned"));
        assertThat(doc).contains(block(example, "whyNot", "reasons"));
    }
}
