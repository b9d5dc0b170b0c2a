package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.ReplayResult;
import io.referralrules.api.Stage;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.engine.RuleSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Decision records: what decided, and whether today's engine still decides the same")
class DecisionRecordTest extends RuleTestSupport {
    private static final CustomerSnapshot READY = customer(readyToAsk());

    @Test
    void aRecordKeepsTheAnswerTheFactsTheDayAndFingerprintsOfRulesAndPolicy() {
        DecisionRecord record = ENGINE.record(READY, TODAY);

        assertThat(record.assessment()).isEqualTo(ENGINE.assess(READY, TODAY));
        assertThat(record.snapshot()).isSameAs(READY);
        assertThat(record.asOf()).isEqualTo(TODAY);
        assertThat(record.playbook()).hasToString("earned-trust@1.0");
        assertThat(record.policy()).isEqualTo(ReadinessPolicy.defaults());
        assertThat(record.policyHash()).matches("[0-9a-f]{64}");
        assertThat(record.rulesHash()).matches("[0-9a-f]{64}").isNotEqualTo(record.policyHash());
        assertThat(record.engineVersion()).isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void theSameEngineReplaysEveryScenarioIdentically() {
        for (CustomerSnapshot snapshot : ScenarioBook.all()) {
            ReplayResult replay = ENGINE.replay(ENGINE.record(snapshot, TODAY));

            assertThat(replay.identical()).as("%s: %s", snapshot.customer().id(), replay.differences()).isTrue();
            assertThat(replay.replayed()).isEqualTo(replay.record().assessment());
        }
    }

    @Test
    void anotherEngineWithTheSameRulesAndThresholdsReplaysIdentically() {
        DecisionRecord record = ReferralRules.engine().record(READY, TODAY);

        assertThat(ReferralRules.engine(ReadinessPolicy.defaults().toBuilder().build()).replay(record).identical()).isTrue();
    }

    @Test
    void changedThresholdsAreReportedAsAPolicyChangeBeforeTheChangedAnswer() {
        DecisionRecord record = ENGINE.record(READY, TODAY);
        ReferralReadinessEngine stricter = ReferralRules.engine(ReadinessPolicy.defaults().toBuilder().greenLightsRequired(3).build());

        ReplayResult replay = stricter.replay(record);

        assertThat(replay.identical()).isFalse();
        assertThat(replay.replayed().stage()).isEqualTo(Stage.CONFIRMING);
        assertThat(replay.differences()).extracting(d -> d.what()).startsWith("policy", "stage").doesNotContain("rules", "playbook");
        assertThat(replay.differences().get(0).recorded()).isEqualTo(record.policyHash());
        assertThat(replay.differences().get(1)).hasToString("stage: READY_TO_ASK -> CONFIRMING");
    }

    @Test
    void changedRulesAreReportedEvenWhenTheAnswerIsTheSame() {
        DecisionRecord record = ENGINE.record(READY, TODAY);
        ReferralReadinessEngine extended = ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("earned-trust", "1.0",
                RuleSource.of("extra.drl", "package test.extra;\n")));

        ReplayResult replay = extended.replay(record);

        assertThat(replay.identical()).isFalse();
        assertThat(replay.differences()).extracting(d -> d.what()).containsExactly("rules");
        assertThat(replay.replayed().stage()).isEqualTo(record.assessment().stage());
    }

    @Test
    void anotherPlaybookIsReportedWithTheAnswerItGives() {
        CustomerSnapshot fresh = customer(freshSaleConfirmed());
        DecisionRecord record = ENGINE.record(fresh, TODAY);

        ReplayResult replay = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM).replay(record);

        assertThat(replay.differences()).extracting(d -> d.what()).startsWith("playbook", "rules", "policy", "stage");
        assertThat(replay.differences().get(0)).hasToString("playbook: earned-trust@1.0 -> post-sale-momentum@1.0");
        assertThat(replay.differences()).filteredOn(d -> d.what().equals("stage")).singleElement()
                .hasToString("stage: POSITIONING -> READY_TO_ASK");
    }

    @Test
    void aRecordReplaysOnItsOwnFactsAndDayNotOnNewerOnes() {
        CustomerSnapshot snapshot = customer(join(trustEarned(), List.of(greenLight("FA-1", 5), nps("NPS-1", 4, 10))));
        DecisionRecord march = ENGINE.record(snapshot, daysAgo(20));

        ReplayResult replay = ENGINE.replay(march);

        assertThat(replay.identical()).isTrue();
        assertThat(replay.replayed().stage()).isEqualTo(Stage.CONFIRMING);
    }
}
