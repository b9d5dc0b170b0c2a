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
import io.referralrules.api.Limits;
import io.referralrules.api.Stage;
import io.referralrules.api.SurveyReading;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * What a replay compares: the fingerprints first (playbook, rules, policy, engine version), then each part of the
 * answer; the reasons and fired rules in sorted order, so a record that kept another order is not a difference. The
 * policy's canonical text and hash are pinned to what {@code PolicyJson.write} (Jackson) gave before the engine
 * stopped depending on it, so records written then keep their hash (test kit's {@code PolicyHashTest} compares the two
 * over generated policies).
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
                new EarliestAsk(null, "needs a sale"), null, reasons, firedRules);
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
                new EarliestAsk(DAY.plusDays(3), "later"), DAY.plusDays(3), List.of(), List.of());

        List<Difference> differences = DecisionRecords.differences(record(then), now, EARNED_TRUST, "policy-1", "rules-1");

        // the revisit day is when to look again, not part of the answer: an engine with host rules gives the next day
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

    // Canonical policy text: the expected texts and hashes below were written by PolicyJson.write (Jackson 2.22.1) and
    // hashed with SHA-256 before the engine stopped depending on referral-rules-json. Do not regenerate them from
    // CanonicalPolicy: a change here changes the hash of every decision record already written.

    private static final String DEFAULTS_TEXT = """
            {
              "positioningWindowDays" : 30,
              "positioningDueDays" : 1,
              "lookbackDays" : 365,
              "serviceMinInteractions" : 2,
              "serviceMinAverageRating" : 4.0,
              "proactiveMinActions" : 1,
              "extraValueMinDeliveries" : 1,
              "reciprocityMinReferrals" : 1,
              "relationshipMinTouches" : 1,
              "trustBuildersRequired" : 3,
              "mandatoryTrustBuilders" : [ "SERVICE_QUALITY", "RECIPROCITY" ],
              "feedbackWindowDays" : 90,
              "greenLightsRequired" : 2,
              "npsPromoterMin" : 9,
              "npsDetractorMax" : 6,
              "complaintVetoDays" : 30,
              "prematureAskDays" : 14,
              "pushyChaseDays" : 7,
              "titForTatDays" : 14,
              "askCoolDownDays" : 90,
              "introductionWaitDays" : 7,
              "thankReferrerDays" : 1,
              "statusReportDays" : 3,
              "thankYouGiftDays" : 7,
              "momentumWindowDays" : 30
            }
            """;
    private static final String DEFAULTS_HASH = "5d03f8bc1ff23063f1a3d2303b6fdf55bfc6361397a32124872884dc0fcba2f9";

    @Test
    void theDefaultsAreWrittenAndHashedAsPolicyJsonWroteThem() {
        assertThat(CanonicalPolicy.write(ReadinessPolicy.defaults())).isEqualTo(DEFAULTS_TEXT);
        assertThat(DecisionRecords.policyHash(ReadinessPolicy.defaults())).isEqualTo(DEFAULTS_HASH);
        assertThat(DecisionRecords.policyHash(Playbook.EARNED_TRUST.defaults())).isEqualTo(DEFAULTS_HASH);
        assertThat(DecisionRecords.policyHash(Playbook.POST_SALE_MOMENTUM.defaults()))
                .isEqualTo("bbf71278a1ecd5000626ea4b422dec699cb82c914a07da4c4a9edeea15a9cf50");
    }

    @Test
    void theDocumentedDecisionRecordKeepsItsPolicyHash() throws IOException {
        String example = Files.readString(Path.of("../docs/schema/examples/decision-record.json"));
        Matcher hash = Pattern.compile("\"policyHash\" : \"([0-9a-f]{64})\"").matcher(example);

        assertThat(hash.find()).as("a policyHash in decision-record.json").isTrue();
        assertThat(hash.group(1)).isEqualTo(DEFAULTS_HASH);
    }

    @Test
    void aPolicyWithADifferentValueInEveryThresholdIsWrittenKeyByKey() {
        ReadinessPolicy distinct = ReadinessPolicy.defaults().toBuilder().positioningWindowDays(31).positioningDueDays(2)
                .lookbackDays(400).serviceMinInteractions(3).serviceMinAverageRating(3.75).proactiveMinActions(4)
                .extraValueMinDeliveries(5).reciprocityMinReferrals(6).relationshipMinTouches(11).trustBuildersRequired(1)
                .mandatoryTrustBuilders(EnumSet.of(TrustBuilder.PROACTIVE_CARE, TrustBuilder.EXTRA_VALUE, TrustBuilder.RELATIONSHIP))
                .feedbackWindowDays(92).greenLightsRequired(12).npsPromoterMin(10).npsDetractorMax(0).complaintVetoDays(33)
                .prematureAskDays(15).pushyChaseDays(8).titForTatDays(16).askCoolDownDays(120).introductionWaitDays(9)
                .thankReferrerDays(13).statusReportDays(17).thankYouGiftDays(18).momentumWindowDays(45).build();

        assertThat(CanonicalPolicy.write(distinct)).isEqualTo("""
                {
                  "positioningWindowDays" : 31,
                  "positioningDueDays" : 2,
                  "lookbackDays" : 400,
                  "serviceMinInteractions" : 3,
                  "serviceMinAverageRating" : 3.75,
                  "proactiveMinActions" : 4,
                  "extraValueMinDeliveries" : 5,
                  "reciprocityMinReferrals" : 6,
                  "relationshipMinTouches" : 11,
                  "trustBuildersRequired" : 1,
                  "mandatoryTrustBuilders" : [ "PROACTIVE_CARE", "EXTRA_VALUE", "RELATIONSHIP" ],
                  "feedbackWindowDays" : 92,
                  "greenLightsRequired" : 12,
                  "npsPromoterMin" : 10,
                  "npsDetractorMax" : 0,
                  "complaintVetoDays" : 33,
                  "prematureAskDays" : 15,
                  "pushyChaseDays" : 8,
                  "titForTatDays" : 16,
                  "askCoolDownDays" : 120,
                  "introductionWaitDays" : 9,
                  "thankReferrerDays" : 13,
                  "statusReportDays" : 17,
                  "thankYouGiftDays" : 18,
                  "momentumWindowDays" : 45
                }
                """);
        assertThat(DecisionRecords.policyHash(distinct)).isEqualTo("8a0b29c99806127b9c5e4354f2e8612bcec2334af13ae0d242f0285d99243650");
    }

    @Test
    void theLowestValuesGiveAnEmptyListAndAMinusOne() {
        ReadinessPolicy lowest = ReadinessPolicy.defaults().toBuilder().positioningWindowDays(0).positioningDueDays(0)
                .lookbackDays(0).serviceMinInteractions(0).serviceMinAverageRating(1.0).proactiveMinActions(0)
                .extraValueMinDeliveries(0).reciprocityMinReferrals(0).relationshipMinTouches(0).trustBuildersRequired(0)
                .mandatoryTrustBuilders(Set.of()).feedbackWindowDays(0).greenLightsRequired(0).npsPromoterMin(0)
                .npsDetractorMax(-1).complaintVetoDays(0).prematureAskDays(0).pushyChaseDays(0).titForTatDays(0)
                .askCoolDownDays(0).introductionWaitDays(0).thankReferrerDays(0).statusReportDays(0).thankYouGiftDays(0)
                .momentumWindowDays(0).build();

        assertThat(CanonicalPolicy.write(lowest)).isEqualTo("""
                {
                  "positioningWindowDays" : 0,
                  "positioningDueDays" : 0,
                  "lookbackDays" : 0,
                  "serviceMinInteractions" : 0,
                  "serviceMinAverageRating" : 1.0,
                  "proactiveMinActions" : 0,
                  "extraValueMinDeliveries" : 0,
                  "reciprocityMinReferrals" : 0,
                  "relationshipMinTouches" : 0,
                  "trustBuildersRequired" : 0,
                  "mandatoryTrustBuilders" : [ ],
                  "feedbackWindowDays" : 0,
                  "greenLightsRequired" : 0,
                  "npsPromoterMin" : 0,
                  "npsDetractorMax" : -1,
                  "complaintVetoDays" : 0,
                  "prematureAskDays" : 0,
                  "pushyChaseDays" : 0,
                  "titForTatDays" : 0,
                  "askCoolDownDays" : 0,
                  "introductionWaitDays" : 0,
                  "thankReferrerDays" : 0,
                  "statusReportDays" : 0,
                  "thankYouGiftDays" : 0,
                  "momentumWindowDays" : 0
                }
                """);
        assertThat(DecisionRecords.policyHash(lowest)).isEqualTo("2d3bad6deed653a8c707c23c1c6c3bb98782642b3546ba25e08e0cf63a8abeea");
    }

    @Test
    void theHighestValuesAndEveryBuilderHashAsBefore() {
        int days = Limits.MAX_POLICY_DAYS;
        int most = Integer.MAX_VALUE;
        ReadinessPolicy highest = ReadinessPolicy.defaults().toBuilder().positioningWindowDays(days).positioningDueDays(days)
                .lookbackDays(days).serviceMinInteractions(most).serviceMinAverageRating(5.0).proactiveMinActions(most)
                .extraValueMinDeliveries(most).reciprocityMinReferrals(most).relationshipMinTouches(most)
                .trustBuildersRequired(5).mandatoryTrustBuilders(EnumSet.allOf(TrustBuilder.class)).feedbackWindowDays(days)
                .greenLightsRequired(most).npsPromoterMin(10).npsDetractorMax(9).complaintVetoDays(days)
                .prematureAskDays(days).pushyChaseDays(days).titForTatDays(days).askCoolDownDays(days)
                .introductionWaitDays(days).thankReferrerDays(days).statusReportDays(days).thankYouGiftDays(days)
                .momentumWindowDays(days).build();

        assertThat(CanonicalPolicy.write(highest))
                .contains("\n  \"serviceMinInteractions\" : 2147483647,\n")
                .contains("\n  \"mandatoryTrustBuilders\" : [ \"SERVICE_QUALITY\", \"PROACTIVE_CARE\", \"EXTRA_VALUE\", "
                        + "\"RECIPROCITY\", \"RELATIONSHIP\" ],\n")
                .endsWith("\n  \"momentumWindowDays\" : 36500\n}\n");
        assertThat(DecisionRecords.policyHash(highest)).isEqualTo("ee664b2df0f17b062e62dd1c6cd57cc158e9e61ecabb0c76b3b8618dc6589ebd");
    }

    @Test
    void trustBuildersAreListedInTheirNaturalOrderWhateverOrderTheyWereGivenIn() {
        ReadinessPolicy given = ReadinessPolicy.defaults().toBuilder()
                .mandatoryTrustBuilders(new LinkedHashSet<>(List.of(TrustBuilder.RELATIONSHIP, TrustBuilder.SERVICE_QUALITY))).build();
        ReadinessPolicy one = ReadinessPolicy.defaults().toBuilder().mandatoryTrustBuilders(EnumSet.of(TrustBuilder.RELATIONSHIP)).build();
        ReadinessPolicy all = ReadinessPolicy.defaults().toBuilder().mandatoryTrustBuilders(EnumSet.allOf(TrustBuilder.class))
                .serviceMinAverageRating(4.25).npsPromoterMin(0).npsDetractorMax(-1).build();

        assertThat(CanonicalPolicy.write(given)).contains("\n  \"mandatoryTrustBuilders\" : [ \"SERVICE_QUALITY\", \"RELATIONSHIP\" ],\n");
        assertThat(DecisionRecords.policyHash(given)).isEqualTo("a196bc64b21eef12debedd84dce12de8cee75f8b9b8e6ea13f3e32459ba1c59d");
        assertThat(CanonicalPolicy.write(one)).contains("\n  \"mandatoryTrustBuilders\" : [ \"RELATIONSHIP\" ],\n");
        assertThat(DecisionRecords.policyHash(one)).isEqualTo("378ea5455abd19d347fc595539d4947a98da0846588473acaf7374ab894ca179");
        assertThat(DecisionRecords.policyHash(all)).isEqualTo("7ecd1f39cba924ea93bc75b7a5036d872a8b4b3b1a2d0fad2bf6814ae2071c9b");
    }

    /** Doubles as Jackson wrote them (Double.toString): the fewest digits that read back as the same double. */
    @Test
    void ratingsAreWrittenWithTheDigitsJacksonWrote() {
        assertRating(1.0, "1.0", null);
        assertRating(5.0, "5.0", null);
        assertRating(4.25, "4.25", "49491f5460253699881bdddf858fd1ef18c1e4155c9134dcb7cb1303f33b9e66");
        assertRating(2.5, "2.5", "03e893845bdd8d98bd25e0015dad9e12b52bdb18503dfaf91e433a60ff3ee5f4");
        assertRating(0.1 + 0.2 + 4, "4.3", "07d40e0c9c10ceb44245ed3506e5b6fb21d1f97d0432b8d422724c88fae50f32");
        assertRating(3 + 1.0 / 3, "3.3333333333333335", "fbe1f8274624f37fa062e6d7404470a50cebaccb3dcadc18603aa869aebdf158");
        assertRating(1.23456789012345, "1.23456789012345", "b1e5e7fb74327f3d4a909960e3d6e9d61073e0b0eaedbc1f603cde7376ee4131");
        assertRating(Math.nextUp(1.0), "1.0000000000000002", "c8b10a3aa17ed28fc175e05a650fb47bc0b7093e0a356f8de948f838abc4c24a");
        assertRating(Math.nextDown(5.0), "4.999999999999999", "a32a260b0786052e43728c994a3374ddc4b759229f5f7618960ec7faf113c441");
    }

    private static void assertRating(double rating, String written, String hash) {
        ReadinessPolicy policy = ReadinessPolicy.defaults().toBuilder().serviceMinAverageRating(rating).build();

        assertThat(CanonicalPolicy.write(policy)).contains("\n  \"serviceMinAverageRating\" : " + written + ",\n");
        if (hash != null) {
            assertThat(DecisionRecords.policyHash(policy)).as("rating %s", written).isEqualTo(hash);
        }
    }

    @Test
    void theKeysAreTheRecordsComponentsInOrder() {
        ReadinessPolicy bothOn = ReadinessPolicy.defaults().toBuilder().csatFeedback(true).cesFeedback(true).build();

        assertThat(keys(CanonicalPolicy.write(bothOn))).containsExactlyElementsOf(
                Arrays.stream(ReadinessPolicy.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void aSwitchThatIsOffIsLeftOutKeyAndThresholds() {
        List<String> thresholds = Arrays.stream(ReadinessPolicy.class.getRecordComponents())
                .filter(c -> c.getType() != SurveyReading.class).map(RecordComponent::getName).toList();

        assertThat(keys(CanonicalPolicy.write(ReadinessPolicy.defaults()))).containsExactlyElementsOf(thresholds);
        assertThat(CanonicalPolicy.write(ReadinessPolicy.defaults())).doesNotContain("csat", "ces", "greenLightMin");
    }

    private static List<String> keys(String text) {
        List<String> keys = new ArrayList<>();
        Matcher key = Pattern.compile("(?m)^  \"(\\w+)\" : ").matcher(text);
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }

    @Test
    void aSwitchThatIsOnIsWrittenAfterTheLastThresholdAsANestedObject() {
        ReadinessPolicy bothOn = ReadinessPolicy.defaults().toBuilder().csatFeedback(true)
                .cesFeedback(new SurveyReading(6, 1)).build();

        assertThat(CanonicalPolicy.write(bothOn)).isEqualTo(DEFAULTS_TEXT.replace("""
                  "momentumWindowDays" : 30
                }
                """, """
                  "momentumWindowDays" : 30,
                  "csatFeedback" : {
                    "greenLightMin" : 4,
                    "complaintMax" : 2
                  },
                  "cesFeedback" : {
                    "greenLightMin" : 6,
                    "complaintMax" : 1
                  }
                }
                """));
    }

    @Test
    void eachSwitchAndEachOfItsCutOffsChangesTheHashAndSwitchingOffRestoresTheDefaultsHash() {
        ReadinessPolicy defaults = ReadinessPolicy.defaults();
        List<ReadinessPolicy> policies = List.of(defaults,
                defaults.toBuilder().csatFeedback(true).build(),
                defaults.toBuilder().csatFeedback(new SurveyReading(5, 2)).build(),
                defaults.toBuilder().csatFeedback(new SurveyReading(4, 1)).build(),
                defaults.toBuilder().cesFeedback(true).build(),
                defaults.toBuilder().cesFeedback(new SurveyReading(6, 3)).build(),
                defaults.toBuilder().cesFeedback(new SurveyReading(5, 2)).build(),
                defaults.toBuilder().csatFeedback(true).cesFeedback(true).build());

        assertThat(policies.stream().map(DecisionRecords::policyHash).distinct()).hasSize(policies.size());
        assertThat(DecisionRecords.policyHash(policies.get(7).toBuilder().csatFeedback(false).cesFeedback(false).build()))
                .isEqualTo(DEFAULTS_HASH);
    }

    /** Each threshold changed alone changes its own line and nothing else, so no value is written under another key. */
    @Test
    void eachThresholdChangedAloneChangesOnlyItsOwnLine() throws ReflectiveOperationException {
        RecordComponent[] components = ReadinessPolicy.class.getRecordComponents();
        Constructor<ReadinessPolicy> canonical = ReadinessPolicy.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        ReadinessPolicy defaults = ReadinessPolicy.defaults();
        List<String> before = CanonicalPolicy.write(defaults).lines().toList();
        // the survey switches come last and are left out while off (see the tests of the switches above)
        int thresholds = (int) Arrays.stream(components).filter(c -> c.getType() != SurveyReading.class).count();

        for (int i = 0; i < thresholds; i++) {
            Object[] values = new Object[components.length];
            for (int j = 0; j < components.length; j++) {
                values[j] = components[j].getAccessor().invoke(defaults);
            }
            // from the defaults, one more is valid for every whole number (npsDetractorMax 7 is still below 9)
            values[i] = changed(values[i]);
            List<String> after = CanonicalPolicy.write(canonical.newInstance(values)).lines().toList();

            assertThat(after).hasSameSizeAs(before);
            List<Integer> changedLines = new ArrayList<>();
            for (int line = 0; line < before.size(); line++) {
                if (!before.get(line).equals(after.get(line))) {
                    changedLines.add(line);
                }
            }
            assertThat(changedLines).as(components[i].getName()).containsExactly(i + 1);
            assertThat(after.get(i + 1)).isEqualTo("  \"" + components[i].getName() + "\" : " + expectedText(values[i])
                    + (i + 1 < thresholds ? "," : ""));
        }
    }

    private static Object changed(Object value) {
        if (value instanceof Integer number) {
            return number + 1;
        }
        if (value instanceof Double rating) {
            return rating + 0.5;
        }
        return EnumSet.of(TrustBuilder.EXTRA_VALUE);
    }

    private static String expectedText(Object value) {
        return value instanceof Set<?> ? "[ \"EXTRA_VALUE\" ]" : String.valueOf(value);
    }

    @Test
    void noPolicyIsNoText() {
        assertThatNullPointerException().isThrownBy(() -> CanonicalPolicy.write(null)).withMessage("policy");
    }
}
