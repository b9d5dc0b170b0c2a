package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import io.referralrules.json.fuzz.JsonMutations;
import io.referralrules.json.fuzz.JsonMutations.Kind;
import io.referralrules.json.fuzz.JsonMutations.Mutation;
import io.referralrules.json.fuzz.Seed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookkeeping of one generated run: how each mutated document came out (still valid, or rejected clearly) per
 * kind of mutation, and every unclear outcome with the mutation's name, so that one run reports all it found, each
 * with the seed to rerun it.
 */
final class MutationRun {
    /** At most this many failures are listed in the assertion message. */
    private static final int LISTED = 25;

    private final String suite;
    private final Seed seed;
    private final Map<Kind, int[]> outcomes = new EnumMap<>(Kind.class);
    private final Map<String, Integer> problems = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int cases;

    MutationRun(String suite, Seed seed) {
        this.suite = suite;
        this.seed = seed;
    }

    /** The document still reads (and, as the caller checked, reads back the same after writing). */
    void valid(Mutation m) {
        cases++;
        outcomes.computeIfAbsent(m.kind(), k -> new int[2])[0]++;
    }

    /**
     * The document was rejected: clear only when the path is a JSON path, the message starts with the source and
     * holds no planted free text.
     */
    void rejected(Mutation m, String source, InvalidInputException e) {
        cases++;
        outcomes.computeIfAbsent(m.kind(), k -> new int[2])[1]++;
        problems.merge(e.problem().replaceAll("[0-9]+", "N").replaceAll("\"[^\"]*\"", "\"…\""), 1, Integer::sum);
        if (e.path().isEmpty() || !e.path().startsWith("$")) {
            fail(m, "path '" + e.path() + "' is not a JSON path: " + e.getMessage());
        } else if (!e.getMessage().startsWith(source + ": " + e.path() + " ")) {
            fail(m, "message does not start with the source and path: " + e.getMessage());
        } else if (JsonMutations.mentionsPlanted(e.getMessage()) || JsonMutations.mentionsPlanted(e.problem())) {
            fail(m, "message repeats planted free text: " + e.getMessage());
        }
    }

    /** Anything else: another exception, or a valid document that does not read back the same. */
    void fail(Mutation m, String what) {
        failures.add(m.name() + ": " + what);
    }

    void unexpected(Mutation m, Throwable t) {
        cases++;
        fail(m, "threw " + t.getClass().getName() + ": " + t.getMessage());
    }

    int cases() {
        return cases;
    }

    /** The counts, for the test output (docs/QUALITY.md quotes the sizes). */
    String summary() {
        StringBuilder out = new StringBuilder(suite + ": " + cases + " mutated documents, " + seed.rerun() + "\n");
        int valid = outcomes.values().stream().mapToInt(c -> c[0]).sum();
        out.append("  still valid and read back the same: ").append(valid).append("; rejected with a JSON path: ")
                .append(cases - valid - failures.size()).append("; unclear: ").append(failures.size()).append('\n');
        outcomes.forEach((kind, c) -> out.append(String.format("  %-14s valid %5d  rejected %5d%n", kind, c[0], c[1])));
        out.append("  distinct problems: ").append(problems.size()).append('\n');
        if (Boolean.getBoolean("referralrules.problems")) {   // -Dreferralrules.problems=true lists them, with counts
            problems.forEach((problem, count) -> out.append(String.format("  %5d  %s%n", count, problem)));
        }
        return out.toString();
    }

    /** Prints the summary and fails, listing the unclear outcomes, if there were any. */
    void assertAllClear(int atLeast) {
        System.out.print(summary());
        List<String> listed = failures.subList(0, Math.min(LISTED, failures.size()));
        assertThat(failures).as("%d unclear outcomes (%s); the first %d:%n%s", failures.size(), seed.rerun(), listed.size(),
                String.join("\n", listed)).isEmpty();
        assertThat(cases).as("cases per run (%s)", seed.rerun()).isGreaterThanOrEqualTo(atLeast);
    }
}
