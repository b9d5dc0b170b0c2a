package io.referralrules.book;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.AssessmentWriter;
import io.referralrules.json.ReferralJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming {@link AssessmentWriter} gives, byte for byte, what {@link ReferralJson#writeAssessmentLine} gives (the
 * path the command line used before), on thousands of generated customers under both playbooks; and its decision-only
 * lines are those lines without the explanations.
 */
class AssessmentWriterOnBooksTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static List<ReadinessAssessment> assessed(Playbook playbook, long seed, int customers, LocalDate asOf) {
        ReferralReadinessEngine engine = ReferralRules.engine(playbook);
        List<CustomerSnapshot> book = new SampleBook(seed, asOf).customers(customers).toList();
        return engine.assessAll(book, asOf);
    }

    private static List<ReadinessAssessment> manyAnswers() {
        List<ReadinessAssessment> all = new ArrayList<>(assessed(Playbook.EARNED_TRUST, 42, 2000, BookAssessorTest.AS_OF));
        all.addAll(assessed(Playbook.POST_SALE_MOMENTUM, 7, 1000, LocalDate.of(2026, 1, 31)));
        return all;
    }

    private static String streamed(List<ReadinessAssessment> answers, Detail detail) throws IOException {
        StringWriter out = new StringWriter();
        try (AssessmentWriter lines = AssessmentWriter.lines(out, detail)) {
            for (ReadinessAssessment a : answers) {
                lines.write(a);
                lines.writeRaw("\n");
            }
        }
        return out.toString();
    }

    @Test
    void streamedLinesAreByteForByteTheLinesOfTheObjectMapperPath() throws IOException {
        List<ReadinessAssessment> answers = manyAnswers();
        StringBuilder before = new StringBuilder();
        for (ReadinessAssessment a : answers) {
            before.append(ReferralJson.writeAssessmentLine(a)).append('\n');
        }

        String after = streamed(answers, Detail.FULL);

        assertThat(after.lines()).hasSize(3000);
        // the generated books reach every optional field, so each is compared present and absent
        assertThat(after).contains("\"prospectHints\":[{", "\"detail\":", "\"talkTrack\":", "\"subjectId\":", "\"clearsOn\":",
                "\"earliestAsk\":{\"date\":", "\"earliestAsk\":{\"explanation\":", "\"subject\":");
        assertThat(after).isEqualTo(before.toString());
    }

    @Test
    void decisionLinesAreTheLinesWithoutTheirExplanations() throws IOException {
        List<ReadinessAssessment> answers = manyAnswers().subList(0, 500);

        List<String> decisions = streamed(answers, Detail.DECISION).lines().toList();

        for (int i = 0; i < answers.size(); i++) {
            ObjectNode full = (ObjectNode) PLAIN.readTree(ReferralJson.writeAssessmentLine(answers.get(i)));
            full.remove(List.of("whyNot", "earliestAsk", "reasons", "firedRules"));
            assertThat(decisions.get(i)).isEqualTo(PLAIN.writeValueAsString(full));
        }
    }
}
