package io.referralrules.engine;

import io.referralrules.api.DecisionRecord;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Reason;
import io.referralrules.api.ReplayResult.Difference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/** Fingerprints for decision records, and what a replay compares. */
final class DecisionRecords {
    private DecisionRecords() {
    }

    private static final class Version {
        static final String VALUE = load();

        private static String load() {
            try (InputStream in = DecisionRecords.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    return "unknown";
                }
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the engine version", e);
            }
        }
    }

    static String engineVersion() {
        return Version.VALUE;
    }

    /**
     * SHA-256 of the policy's {@link CanonicalPolicy canonical text} (every threshold, trust builders in order, the
     * bytes {@code PolicyJson.write} gives), so equal policies hash equal and earlier records keep their hash.
     */
    static String policyHash(ReadinessPolicy policy) {
        return sha256(CanonicalPolicy.write(policy));
    }

    /**
     * The hash builds before the canonical text wrote for this policy on Windows, where Jackson ended each line inside
     * the object with {@code \r\n} (the final newline, added after the object, was {@code \n} there too). A record
     * carrying it was made with the same thresholds, so a replay accepts it as the same policy.
     */
    static String policyHashWrittenOnWindows(ReadinessPolicy policy) {
        String text = CanonicalPolicy.write(policy);
        return sha256(text.substring(0, text.length() - 1).replace("\n", "\r\n") + "\n");
    }

    /**
     * The policy hash a replay compares with the record's: the engine's own, or the record's when the record holds the
     * engine's policy as an earlier build hashed it on Windows.
     */
    static String policyHashForReplay(DecisionRecord record, ReadinessPolicy policy, String policyHash) {
        return !record.policyHash().equals(policyHash) && record.policyHash().equals(policyHashWrittenOnWindows(policy))
                ? record.policyHash() : policyHash;
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(RuleSet.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** What differs between the record and a replay by an engine with the given playbook, policy and rules. */
    static List<Difference> differences(DecisionRecord record, ReadinessAssessment now, PlaybookRef playbook,
                                        String policyHash, String rulesHash) {
        List<Difference> out = new ArrayList<>();
        ReadinessAssessment then = record.assessment();
        differ(out, "playbook", record.playbook(), playbook);
        differ(out, "rules", record.rulesHash(), rulesHash);
        differ(out, "policy", record.policyHash(), policyHash);
        differ(out, "engineVersion", record.engineVersion(), engineVersion());
        differ(out, "stage", then.stage(), now.stage());
        differ(out, "stageReason", then.stageReason(), now.stageReason());
        differ(out, "trustEarned", then.trustEarned(), now.trustEarned());
        differ(out, "trustBuilders", then.trustBuilders(), now.trustBuilders());
        differ(out, "actions", then.actions(), now.actions());
        differ(out, "warnings", then.warnings(), now.warnings());
        differ(out, "whyNot", then.whyNot(), now.whyNot());
        differ(out, "earliestAsk", then.earliestAsk(), now.earliestAsk());
        // sorted again in case the record comes from a version that kept firing order
        differ(out, "reasons", sorted(then.reasons(), Reason::toString), sorted(now.reasons(), Reason::toString));
        differ(out, "firedRules", sorted(then.firedRules(), s -> s), sorted(now.firedRules(), s -> s));
        return out;
    }

    private static <T> List<String> sorted(Collection<T> items, Function<T, String> key) {
        return items.stream().map(key).sorted().toList();
    }

    private static void differ(List<Difference> out, String what, Object recorded, Object now) {
        if (!Objects.equals(recorded, now)) {
            out.add(new Difference(what, String.valueOf(recorded), String.valueOf(now)));
        }
    }
}
