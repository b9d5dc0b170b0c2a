package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.Limits;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.TrustBuilder;
import io.referralrules.json.fuzz.JsonMutations;
import io.referralrules.json.fuzz.JsonMutations.Mutation;
import io.referralrules.json.fuzz.Seed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generated probe for policy files: valid policies (a tenant's short file, every threshold written out, the
 * policy of the decision-record example, one at the limits) mutated in every way {@link JsonMutations} knows and read
 * on two bases. Every outcome must be clear: either the file is still valid, and the policy written and read back is
 * the same, or it is rejected with an {@link InvalidInputException} whose path is a JSON path and whose message names
 * the file. Every 25th case also goes through a real file, which must give the same outcome.
 */
@DisplayName("Generated: mutated policy files are read or rejected clearly")
class GeneratedPolicyMutationsTest {
    private static final int CASES = 2_200;

    @TempDir
    Path dir;

    @Test
    void everyMutatedPolicyIsReadOrRejectedClearly() throws IOException {
        Seed seed = Seed.fromSystemProperty();
        SplittableRandom random = seed.random();
        ReadinessPolicy earned = ReadinessPolicy.defaults();
        ReadinessPolicy other = earned.toBuilder().greenLightsRequired(1).momentumWindowDays(21)
                .mandatoryTrustBuilders(EnumSet.noneOf(TrustBuilder.class)).build();
        ReadinessPolicy atTheLimits = earned.toBuilder().lookbackDays(Limits.MAX_POLICY_DAYS)
                .askCoolDownDays(Limits.MAX_POLICY_DAYS).feedbackWindowDays(Limits.MAX_POLICY_DAYS)
                .serviceMinAverageRating(5.0).npsDetractorMax(-1).npsPromoterMin(0)
                .mandatoryTrustBuilders(EnumSet.allOf(TrustBuilder.class)).build();
        String recordPolicy = ReferralJson.mapper().readTree(Files.readString(Path.of("../docs/schema/examples/decision-record.json")))
                .get("policy").toPrettyString();
        List<String> documents = List.of(
                Files.readString(Path.of("src/test/resources/policies/acme.json"), StandardCharsets.UTF_8),
                PolicyJson.write(earned), PolicyJson.write(other), PolicyJson.write(atTheLimits), recordPolicy,
                "{\"askCoolDownDays\": 120, \"serviceMinAverageRating\": 4.25, \"mandatoryTrustBuilders\": []}");
        List<ReadinessPolicy> bases = List.of(earned, other);
        for (String document : documents) {
            PolicyJson.parse(document, "valid.json", earned);   // each starts valid
        }

        MutationRun run = new MutationRun("GeneratedPolicyMutationsTest", seed);
        for (int i = 0; i < CASES; i++) {
            Mutation m = JsonMutations.next(documents.get(i % documents.size()), random);
            ReadinessPolicy base = bases.get((i / documents.size()) % bases.size());
            Object outcome = probe(run, m, base);
            if (i % 25 == 0) {
                sameThroughAFile(run, m, base, outcome);
            }
        }
        run.assertAllClear(2_000);
    }

    private static Object probe(MutationRun run, Mutation m, ReadinessPolicy base) {
        ReadinessPolicy read;
        try {
            read = PolicyJson.parse(ReferralJson.decodeUtf8(m.bytes(), "tenant.json"), "tenant.json", base);
        } catch (InvalidInputException e) {
            run.rejected(m, "tenant.json", e);
            return e;
        } catch (RuntimeException | StackOverflowError e) {
            run.unexpected(m, e);
            return e;
        }
        try {
            ReadinessPolicy again = PolicyJson.parse(PolicyJson.write(read), "written.json", ReadinessPolicy.defaults());
            if (!again.equals(read)) {
                run.fail(m, "reads, but written and read back it differs: " + again + " vs " + read);
            }
            run.valid(m);
        } catch (RuntimeException e) {
            run.unexpected(m, e);
        }
        return read;
    }

    private void sameThroughAFile(MutationRun run, Mutation m, ReadinessPolicy base, Object throughText) throws IOException {
        Path file = Files.write(dir.resolve("tenant.json"), m.bytes());
        Object throughFile;
        try {
            throughFile = PolicyJson.read(file, base);
        } catch (InvalidInputException e) {
            throughFile = e;
        } catch (RuntimeException e) {
            run.fail(m, "through a file threw " + e);
            return;
        }
        String textOutcome = throughText instanceof InvalidInputException e ? e.getMessage().replace("tenant.json: ", file + ": ")
                : String.valueOf(throughText);
        String fileOutcome = throughFile instanceof InvalidInputException e ? e.getMessage() : String.valueOf(throughFile);
        if (!textOutcome.equals(fileOutcome)) {
            run.fail(m, "through a file: " + fileOutcome + "; through text: " + textOutcome);
        }
    }
}
