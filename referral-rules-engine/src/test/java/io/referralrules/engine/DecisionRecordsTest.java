package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.EarliestAsk;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Reason;
import io.referralrules.api.ReplayResult;
import io.referralrules.api.ReplayResult.Difference;
import io.referralrules.api.Stage;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a replay compares: the fingerprints first (playbook, rules, policy, engine version), then each part of the
 * answer; the reasons and fired rules in sorted order, so a record that kept another order is not a difference.
 */
@DisplayName("Decision records: fingerprints and what a replay reports")
class DecisionRecordsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final PlaybookRef EARNED_TRUST = new PlaybookRef("earned-trust", "1.0");
    private static final CustomerSnapshot SNAPSHOT = CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-1", null)).build();
    private static final Reason NO_SALE = new Reason("No closed sale means no relationship yet", "io/referralrules/rules/common/relationship.drl",
            "No sale has closed with this customer yet: never ask.", List.of());
    private static final Reason OTHER = new Reason("Another rule", "host.drl", "Something else.", List.of());

    private static ReadinessAssessment answer(Stage stage, List<Reason> reasons, List<String> firedRules) {
        return new ReadinessAssessment("C-1", DAY, EARNED_TRUST, stage, NO_SALE, false, List.of(), List.of(), List.of(), List.of(),
                new EarliestAsk(null, "needs a sale"), reasons, firedRules);
    }

    private static DecisionRecord record(ReadinessAssessment then) {
        return new DecisionRecord(then, SNAPSHOT, DAY, EARNED_TRUST, ReadinessPolicy.defaults(), "policy-1", "rules-1",
                DecisionRecords.engineVersion());
    }

    @Test
    void theSameRulesAndAnswerAreNoDifference() {
        ReadinessAssessment then = answer(Stage.NO_RELATIONSHIP, List.of(NO_SALE), List.of("No closed sale means no relationship yet"));

        assertThat(DecisionRecords.differences(record(then), then, EARNED_TRUST, "policy-1", "rules-1")).isEmpty();
    }

    @Test
    void reasonsAndFiredRulesInAnotherOrderAreNoDifference() {
        ReadinessAssessment then = answer(Stage.NO_RELATIONSHIP, List.of(OTHER, NO_SALE), List.of("b", "a", "a"));
        ReadinessAssessment now = answer(Stage.NO_RELATIONSHIP, List.of(NO_SALE, OTHER), List.of("a", "a", "b"));

        assertThat(DecisionRecords.differences(record(then), now, EARNED_TRUST, "policy-1", "rules-1")).isEmpty();
    }

    @Test
    void changedFingerprintsComeFirstThenEachPartOfTheAnswerThatChanged() {
        ReadinessAssessment then = answer(Stage.NO_RELATIONSHIP, List.of(NO_SALE), List.of("a"));
        ReadinessAssessment now = answer(Stage.EARNING_TRUST, List.of(NO_SALE, OTHER), List.of("a", "b"));
        PlaybookRef quick = new PlaybookRef("post-sale-momentum", "1.0");

        List<Difference> differences = DecisionRecords.differences(record(then), now, quick, "policy-2", "rules-2");

        assertThat(differences).extracting(Difference::what)
                .containsExactly("playbook", "rules", "policy", "stage", "reasons", "firedRules");
        assertThat(differences.get(0)).isEqualTo(new Difference("playbook", "earned-trust@1.0", "post-sale-momentum@1.0"));
        assertThat(differences.get(1)).isEqualTo(new Difference("rules", "rules-1", "rules-2"));
        assertThat(differences.get(3)).isEqualTo(new Difference("stage", "NO_RELATIONSHIP", "EARNING_TRUST"));
        assertThat(differences.get(5)).isEqualTo(new Difference("firedRules", "[a]", "[a, b]"));
    }

    @Test
    void eachPartOfTheAnswerThatChangedIsNamedInTheAnswersOrder() {
        Reason other = new Reason("Keep earning trust while builders are missing", "earning-trust.drl", "Not met.", List.of());
        ReadinessAssessment then = answer(Stage.NO_RELATIONSHIP, List.of(), List.of());
        ReadinessAssessment now = new ReadinessAssessment("C-1", DAY, EARNED_TRUST, Stage.NO_RELATIONSHIP, other, true,
                List.of(new io.referralrules.api.TrustBuilderResult(io.referralrules.api.TrustBuilder.RELATIONSHIP, true, List.of("ST-1"), other)),
                List.of(new io.referralrules.api.NextAction(io.referralrules.api.ActionType.BUILD_RELATIONSHIP, DAY, 0, null, other)),
                List.of(new io.referralrules.api.Warning(io.referralrules.api.WarningType.ASK_FATIGUE, DAY, "A-1", other)),
                List.of(new io.referralrules.api.Obstacle(io.referralrules.api.ObstacleKind.NO_SALE, null, "no sale", "a sale", "sell",
                        null, other)),
                new EarliestAsk(DAY.plusDays(3), "later"), List.of(), List.of());

        List<Difference> differences = DecisionRecords.differences(record(then), now, EARNED_TRUST, "policy-1", "rules-1");

        assertThat(differences).extracting(Difference::what).containsExactly("stageReason", "trustEarned", "trustBuilders", "actions",
                "warnings", "whyNot", "earliestAsk");
        assertThat(differences.get(1)).isEqualTo(new Difference("trustEarned", "false", "true"));
        assertThat(differences.get(6).now()).isEqualTo(new EarliestAsk(DAY.plusDays(3), "later").toString());
    }

    @Test
    void aRecordFromAnotherEngineVersionSaysSo() {
        ReadinessAssessment then = answer(Stage.NO_RELATIONSHIP, List.of(NO_SALE), List.of());
        DecisionRecord old = new DecisionRecord(then, SNAPSHOT, DAY, EARNED_TRUST, ReadinessPolicy.defaults(), "policy-1", "rules-1", "0.0.1");

        assertThat(DecisionRecords.differences(old, then, EARNED_TRUST, "policy-1", "rules-1"))
                .containsExactly(new Difference("engineVersion", "0.0.1", DecisionRecords.engineVersion()));
    }

    @Test
    void theEngineVersionIsTheBuildsAndThePolicyHashFollowsEveryThreshold() {
        ReadinessPolicy defaults = ReadinessPolicy.defaults();
        ReadinessPolicy longerCoolDown = defaults.toBuilder().askCoolDownDays(91).build();

        assertThat(DecisionRecords.engineVersion()).isNotEqualTo("unknown").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(DecisionRecords.policyHash(defaults)).hasSize(64).matches("[0-9a-f]{64}")
                .isEqualTo(DecisionRecords.policyHash(defaults.toBuilder().build()))
                .isNotEqualTo(DecisionRecords.policyHash(longerCoolDown));
    }

    @Test
    void anEngineReplaysItsOwnRecordIdenticallyAndAnotherPolicyIsReportedFirst() {
        ReferralRules.Builder builder = ReferralRules.builder();
        io.referralrules.api.ReferralReadinessEngine engine = builder.build();
        io.referralrules.api.ReferralReadinessEngine stricter = ReferralRules.engine(ReadinessPolicy.defaults().toBuilder()
                .greenLightsRequired(3).build());

        DecisionRecord record = engine.record(SNAPSHOT, DAY);
        ReplayResult same = engine.replay(record);
        ReplayResult other = stricter.replay(record);

        assertThat(record.policyHash()).isEqualTo(DecisionRecords.policyHash(ReadinessPolicy.defaults()));
        assertThat(record.engineVersion()).isEqualTo(DecisionRecords.engineVersion());
        assertThat(record.rulesHash()).isEqualTo(((DroolsReadinessEngine) engine).rulesHash()).hasSize(64);
        assertThat(same.identical()).isTrue();
        assertThat(same.replayed()).isEqualTo(record.assessment());
        assertThat(other.identical()).isFalse();
        assertThat(other.differences()).extracting(Difference::what).containsExactly("policy");
    }
}
