package io.referralrules.examples;

import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SampleCustomersDemoTest {
    private final ReferralReadinessEngine engine = ReferralRules.engine();

    @Test
    void theSampleBookCoversEveryStage() {
        Set<Stage> stages = SampleCustomers.all().stream()
                .map(s -> engine.assess(s, SampleCustomers.AS_OF))
                .map(ReadinessAssessment::stage)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)));

        assertThat(stages).containsExactlyInAnyOrder(Stage.values());
    }

    @Test
    void theDemoPrintsEveryStageWithActionsAndWarnings() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SampleCustomersDemo.print(engine, SampleCustomers.all(), SampleCustomers.AS_OF,
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String printed = buffer.toString(StandardCharsets.UTF_8);

        for (Stage stage : Stage.values()) {
            assertThat(printed).contains("stage:   " + stage);
        }
        assertThat(printed)
                .contains("action:  HOLD_POSITIONING_CONVERSATION due 2026-06-12")
                .contains("action:  ASK_FOR_INTRODUCTION due 2026-06-15")
                .contains("action:  SEND_THANK_YOU_GIFT due 2026-06-12 (3 days overdue)")
                .contains("warning: PREMATURE_ASK on 2026-04-27")
                .contains("warning: PUSHY_CHASE on 2026-04-29")
                .contains("warning: BARE_CONTACT_ASK")
                .contains("why not: COOL_DOWN C-106-A1")
                .contains("earliest ask: none without new facts - On 2026-07-31, when what time clears has cleared, the customer would be CONFIRMING.")
                .contains("think of: peers and competitors, own customers, vendors, other departments, industry event (Precision Machining Expo);"
                        + " talk track: earned-trust.ask-for-introduction");
    }

    @Test
    void theComparisonShowsTheFreshConfirmedSaleReadyUnderPostSaleMomentum() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SampleCustomersDemo.compare(engine, ReferralRules.engine(Playbook.POST_SALE_MOMENTUM), SampleCustomers.all(),
                SampleCustomers.AS_OF, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("The same customers under playbook post-sale-momentum@1.0")
                .contains("C-101: POSITIONING -> READY_TO_ASK  <Ask while the sale is fresh and the customer confirmed it works>");
    }
}
