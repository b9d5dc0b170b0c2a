package io.referralrules.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.Limits;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.SurveyReading;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.IssueStatus;
import io.referralrules.api.facts.ProactiveAction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.ServiceInteraction;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;
import io.referralrules.json.fuzz.Seed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code docs/schema/decision-record.schema.json}: the documented record and records {@link ReferralJson#writeRecord}
 * writes for generated customers and policies validate; each invalid shape below is a violation of the schema and is
 * rejected by {@link ReferralJson#readRecord} too. The record's assessment and snapshot are the assessment and snapshot
 * schemas' bodies ({@code $defs/assessment}, {@code $defs/snapshot}) without their {@code schemaVersion}; its policy is
 * every key {@link PolicyJson#write} writes, with the bounds {@link ReadinessPolicy} enforces. Generated records are
 * seeded ({@code -Dreferralrules.seed=N} reruns a failure).
 */
@DisplayName("Decision-record schema: the example and generated records validate; each invalid shape is rejected")
class DecisionRecordSchemaTest {
    private static final Path SCHEMAS = AssessmentWriterTest.SCHEMAS;
    private static final String RECORD_ID = "https://referralrules.io/schema/decision-record-1.schema.json";
    private static final int RECORDS = 300;
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Schema SCHEMA = schema();

    /** The record schema, with every schema of docs/schema registered by its $id (it refers to two of them). */
    private static Schema schema() {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            Map<String, String> byId = new HashMap<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                byId.put(PLAIN.readTree(text).path("$id").asText(), text);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(byId))
                    .getSchema(byId.get(RECORD_ID));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read docs/schema", e);
        }
    }

    private static List<String> violations(JsonNode document) {
        return SCHEMA.validate(document).stream().map(Error::toString).toList();
    }

    private static String documentedText() throws IOException {
        return Files.readString(AssessmentWriterTest.EXAMPLES.resolve("decision-record.json"), StandardCharsets.UTF_8);
    }

    private static ObjectNode documented() throws IOException {
        return (ObjectNode) PLAIN.readTree(documentedText());
    }

    @Test
    void theDocumentedExampleValidates() throws IOException {
        assertThat(violations(documented())).isEmpty();
        assertThat(ReferralJson.readRecord(documentedText(), "decision-record.json")).isNotNull();
    }

    @Test
    void recordsWrittenForGeneratedCustomersAndPoliciesValidate() throws IOException {
        Seed seed = Seed.fromSystemProperty();
        SplittableRandom random = seed.random();
        for (int i = 0; i < RECORDS; i++) {
            DecisionRecord record = record(random, i);
            String written = ReferralJson.writeRecord(record);

            assertThat(violations(PLAIN.readTree(written))).as("record %d (%s): %s", i, seed.rerun(), written).isEmpty();
            assertThat(ReferralJson.readRecord(written, "generated")).as("record %d (%s)", i, seed.rerun())
                    .isEqualTo(record);
        }
    }

    /** A record may leave out what a snapshot may leave out: the lists of facts the customer does not have, attributes. */
    @Test
    void aRecordWhoseSnapshotLeavesOutEmptyListsAndAttributesValidates() throws IOException {
        ObjectNode record = documented();
        ObjectNode snapshot = (ObjectNode) record.get("snapshot");
        List<String> empty = new ArrayList<>();
        snapshot.fields().forEachRemaining(f -> {
            if (f.getValue().isArray() && f.getValue().isEmpty()) {
                empty.add(f.getKey());
            }
        });
        snapshot.remove(empty);
        ((ObjectNode) snapshot.get("customer")).remove("attributes");

        assertThat(empty).contains("introductions", "followUps", "referredSales");
        assertThat(violations(record)).isEmpty();
        assertThat(ReferralJson.readRecord(record.toString(), "lean.json")).isNotNull();
    }

    @Test
    void theRecordsPolicyDescribesEveryKeyPolicyJsonWritesAndRequiresThemAll() throws IOException {
        JsonNode policy = PLAIN.readTree(SCHEMAS.resolve("decision-record.schema.json").toFile()).path("$defs").path("policy");
        List<String> written = new ArrayList<>();
        PLAIN.readTree(PolicyJson.write(ReadinessPolicy.defaults())).fieldNames().forEachRemaining(written::add);
        List<String> writtenWithSwitchesOn = new ArrayList<>();
        PLAIN.readTree(PolicyJson.write(ReadinessPolicy.defaults().toBuilder().csatFeedback(true).cesFeedback(true).build()))
                .fieldNames().forEachRemaining(writtenWithSwitchesOn::add);
        List<String> described = new ArrayList<>();
        policy.path("properties").fieldNames().forEachRemaining(described::add);
        List<String> required = new ArrayList<>();
        policy.path("required").forEach(r -> required.add(r.asText()));

        // the survey switches are described but not required: a policy with a switch off is written without it
        assertThat(described).containsExactlyElementsOf(writtenWithSwitchesOn);
        assertThat(required).containsExactlyElementsOf(written);
        assertThat(policy.path("additionalProperties").asBoolean(true)).isFalse();
    }

    // ---- invalid shapes: one named fixture each; the schema and the reader both reject it ----

    @Test
    void anotherSchemaVersion() throws IOException {
        assertRejected("schemaVersion", r -> r.put("schemaVersion", 2));
    }

    @Test
    void aMissingPolicyHash() throws IOException {
        assertRejected("policyHash", r -> r.remove("policyHash"));
    }

    @Test
    void anExtraKeyAtTheTop() throws IOException {
        assertRejected("colour", r -> r.put("colour", "red"));
    }

    /** The embedded assessment is the assessment's body: its own schemaVersion is not part of it. */
    @Test
    void aSchemaVersionInsideTheAssessment() throws IOException {
        assertRejected("schemaVersion", r -> ((ObjectNode) r.get("assessment")).put("schemaVersion", 1));
    }

    @Test
    void aSchemaVersionInsideTheSnapshot() throws IOException {
        assertRejected("schemaVersion", r -> ((ObjectNode) r.get("snapshot")).put("schemaVersion", 1));
    }

    @Test
    void anExtraKeyInsideTheAssessment() throws IOException {
        assertRejected("colour", r -> ((ObjectNode) r.get("assessment")).put("colour", "red"));
    }

    @Test
    void anAssessmentWithoutItsStage() throws IOException {
        assertRejected("stage", r -> ((ObjectNode) r.get("assessment")).remove("stage"));
    }

    @Test
    void aSnapshotWithoutItsCustomer() throws IOException {
        assertRejected("customer", r -> ((ObjectNode) r.get("snapshot")).remove("customer"));
    }

    @Test
    void aPolicyWithoutAThreshold() throws IOException {
        assertRejected("askCoolDownDays", r -> ((ObjectNode) r.get("policy")).remove("askCoolDownDays"));
    }

    @Test
    void aPolicyWithAnUnknownThreshold() throws IOException {
        assertRejected("askCooldownDays", r -> ((ObjectNode) r.get("policy")).put("askCooldownDays", 90));
    }

    @Test
    void aNegativeWindow() throws IOException {
        assertRejected("lookbackDays", r -> ((ObjectNode) r.get("policy")).put("lookbackDays", -1));
    }

    @Test
    void aDayCountAboveTheLimit() throws IOException {
        assertRejected("askCoolDownDays",
                r -> ((ObjectNode) r.get("policy")).put("askCoolDownDays", Limits.MAX_POLICY_DAYS + 1));
    }

    @Test
    void aRatingOffTheScale() throws IOException {
        assertRejected("serviceMinAverageRating", r -> ((ObjectNode) r.get("policy")).put("serviceMinAverageRating", 5.5));
    }

    @Test
    void moreTrustBuildersRequiredThanExist() throws IOException {
        assertRejected("trustBuildersRequired", r -> ((ObjectNode) r.get("policy")).put("trustBuildersRequired", 6));
    }

    @Test
    void aMandatoryTrustBuilderThatIsNotOne() throws IOException {
        assertRejected("mandatoryTrustBuilders",
                r -> ((ObjectNode) r.get("policy")).putArray("mandatoryTrustBuilders").add("service_quality"));
    }

    @Test
    void aPromoterCutOffAboveTen() throws IOException {
        assertRejected("npsPromoterMin", r -> ((ObjectNode) r.get("policy")).put("npsPromoterMin", 11));
    }

    @Test
    void aRecordWhosePolicyCountsCsatAndCesValidatesAndReadsBack() throws IOException {
        ObjectNode record = documented();
        ObjectNode policy = (ObjectNode) record.get("policy");
        policy.putObject("csatFeedback").put("greenLightMin", 4).put("complaintMax", 2);
        policy.putObject("cesFeedback").put("greenLightMin", 7).put("complaintMax", 0);

        assertThat(violations(record)).isEmpty();
        assertThat(ReferralJson.readRecord(record.toString(), "switched.json").policy())
                .isEqualTo(ReadinessPolicy.defaults().toBuilder().csatFeedback(true)
                        .cesFeedback(new SurveyReading(7, 0)).build());
    }

    @Test
    void aCsatGreenLightCutOffAboveFive() throws IOException {
        assertRejected("greenLightMin", r -> ((ObjectNode) r.get("policy")).putObject("csatFeedback")
                .put("greenLightMin", 6).put("complaintMax", 2));
    }

    @Test
    void aCesComplaintCutOffBelowZero() throws IOException {
        assertRejected("complaintMax", r -> ((ObjectNode) r.get("policy")).putObject("cesFeedback")
                .put("greenLightMin", 5).put("complaintMax", -1));
    }

    @Test
    void aSwitchWithoutItsComplaintCutOff() throws IOException {
        assertRejected("complaintMax", r -> ((ObjectNode) r.get("policy")).putObject("csatFeedback")
                .put("greenLightMin", 4));
    }

    @Test
    void aSwitchWrittenAsTrue() throws IOException {
        assertRejected("csatFeedback", r -> ((ObjectNode) r.get("policy")).put("csatFeedback", true));
    }

    @Test
    void aThresholdWrittenAsText() throws IOException {
        assertRejected("greenLightsRequired", r -> ((ObjectNode) r.get("policy")).put("greenLightsRequired", "2"));
    }

    @Test
    void aRulesHashThatIsNotSha256Hex() throws IOException {
        assertRejected("rulesHash", r -> r.put("rulesHash", "DDD49170"));
    }

    @Test
    void anAsOfThatIsNotADay() throws IOException {
        assertRejected("asOf", r -> r.put("asOf", "2026-06-15T00:00"));
    }

    /**
     * The example with one change is a violation naming the key, and the reader rejects it too (the record's hashes
     * are the one place the schema says more than the reader checks: there only the schema rejects it).
     */
    private static void assertRejected(String key, Consumer<ObjectNode> change) throws IOException {
        ObjectNode record = documented();
        change.accept(record);

        assertThat(violations(record)).as("the schema rejects a record with %s changed", key).isNotEmpty()
                .anySatisfy(v -> assertThat(v).contains(key));
        if (!key.equals("rulesHash")) {
            assertThatThrownBy(() -> ReferralJson.readRecord(record.toString(), "record.json"))
                    .as("the reader rejects a record with %s changed", key).isInstanceOf(InvalidInputException.class);
        }
    }

    // ---- generated records ----

    private static DecisionRecord record(SplittableRandom random, int n) {
        LocalDate asOf = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(20_000));
        CustomerSnapshot snapshot = snapshot(random, "C-" + n, asOf);
        ReadinessAssessment template = AssessmentWriterTest.awkward();
        ReadinessAssessment assessment = new ReadinessAssessment(snapshot.customer().id(), asOf,
                new PlaybookRef(random.nextBoolean() ? "earned-trust" : "post-sale-momentum", "1." + random.nextInt(10)),
                pick(random, Stage.values()), template.stageReason(), random.nextBoolean(),
                sublist(random, template.trustBuilders()), sublist(random, template.actions()),
                sublist(random, template.warnings()), sublist(random, template.whyNot()), template.earliestAsk(),
                random.nextBoolean() ? null : asOf.plusDays(1 + random.nextInt(400)), sublist(random, template.reasons()),
                sublist(random, template.firedRules()));
        ReadinessPolicy policy = policy(random);
        return new DecisionRecord(assessment, snapshot, asOf, assessment.playbook(), policy,
                sha256(PolicyJson.write(policy)), sha256("rules " + n), "0." + random.nextInt(5) + ".0");
    }

    /** A customer with a few facts of several kinds, on days before the assessment day. */
    private static CustomerSnapshot snapshot(SplittableRandom random, String id, LocalDate asOf) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            attributes.put("key" + i, "value " + random.nextInt(100));
        }
        CustomerSnapshot.Builder builder = CustomerSnapshot.builder(new Customer(id, pick(random, CustomerType.values()),
                "rep-" + random.nextInt(9), random.nextBoolean() ? null : "Customer " + random.nextInt(1000), attributes));
        for (int i = random.nextInt(6); i > 0; i--) {
            LocalDate day = asOf.minusDays(random.nextInt(800));
            String fact = id + "-" + i;
            switch (random.nextInt(8)) {
                case 0 -> builder.add(new Sale("S" + fact, day, BigDecimal.valueOf(random.nextLong(1, 10_000_000), random.nextInt(3)),
                        random.nextBoolean() ? null : "a problem"));
                case 1 -> builder.add(new ServiceInteraction("SI" + fact, day, random.nextBoolean() ? null : 1 + random.nextInt(5),
                        pick(random, IssueStatus.values())));
                case 2 -> builder.add(new ProactiveAction("PA" + fact, day, random.nextBoolean() ? null : "a warning"));
                case 3 -> builder.add(new SurveyScore("N" + fact, day, SurveyType.NPS, random.nextInt(11)));
                case 4 -> builder.add(new Complaint("CP" + fact, day, random.nextBoolean() ? null : day.plusDays(random.nextInt(30))));
                case 5 -> builder.add(new ReferralAsk("A" + fact, day, pick(random, AskType.values())));
                case 6 -> builder.add(new FeedbackAnswer("FA" + fact, day, "how are we doing?", pick(random, FeedbackSignal.values())));
                default -> builder.add(new Sale("S" + fact, day, BigDecimal.ZERO, null));
            }
        }
        return builder.build();
    }

    /** Every threshold drawn within its bounds, the bounds themselves included now and then. */
    private static ReadinessPolicy policy(SplittableRandom random) {
        int lookback = days(random);
        int promoter = random.nextInt(11);
        EnumSet<TrustBuilder> mandatory = EnumSet.noneOf(TrustBuilder.class);
        for (TrustBuilder builder : TrustBuilder.values()) {
            if (random.nextInt(3) == 0) {
                mandatory.add(builder);
            }
        }
        return ReadinessPolicy.defaults().toBuilder()
                .positioningWindowDays(days(random)).positioningDueDays(days(random)).lookbackDays(lookback)
                .serviceMinInteractions(count(random))
                .serviceMinAverageRating(random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 1 + 4 * random.nextDouble())
                .proactiveMinActions(count(random)).extraValueMinDeliveries(count(random))
                .reciprocityMinReferrals(count(random)).relationshipMinTouches(count(random))
                .trustBuildersRequired(random.nextInt(TrustBuilder.values().length + 1)).mandatoryTrustBuilders(mandatory)
                .feedbackWindowDays(random.nextInt(lookback + 1)).greenLightsRequired(count(random))
                .npsPromoterMin(promoter).npsDetractorMax(random.nextInt(promoter + 1) - 1)
                .complaintVetoDays(days(random)).prematureAskDays(days(random)).pushyChaseDays(days(random))
                .titForTatDays(days(random)).askCoolDownDays(days(random)).introductionWaitDays(days(random))
                .thankReferrerDays(days(random)).statusReportDays(days(random)).thankYouGiftDays(days(random))
                .momentumWindowDays(random.nextInt(lookback + 1))
                .csatFeedback(reading(random, 5)).cesFeedback(reading(random, 7))
                .build();
    }

    /** A survey switch on a scale of 1 to {@code max}: off half the time, else any valid pair of cut-offs. */
    private static SurveyReading reading(SplittableRandom random, int max) {
        if (random.nextBoolean()) {
            return null;
        }
        int greenLightMin = 1 + random.nextInt(max);
        return new SurveyReading(greenLightMin, random.nextInt(greenLightMin));
    }

    private static int days(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> Limits.MAX_POLICY_DAYS;
            default -> random.nextInt(Limits.MAX_POLICY_DAYS + 1);
        };
    }

    private static int count(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> Integer.MAX_VALUE;
            default -> random.nextInt(20);
        };
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> List<T> sublist(SplittableRandom random, List<T> list) {
        int from = random.nextInt(list.size() + 1);
        return list.subList(from, from + random.nextInt(list.size() - from + 1));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
