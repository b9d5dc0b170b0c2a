package io.referralrules.json.fuzz;

import java.util.SplittableRandom;

/**
 * The seed of a generated test run: the system property {@value #PROPERTY} when it is set (to rerun a failure), else a
 * fresh random long. Every failure message of a generated test carries {@link #rerun()}, so the run can be repeated
 * exactly:
 *
 * <pre>{@code
 * Seed seed = Seed.fromSystemProperty();
 * SplittableRandom random = seed.random();
 * ... assertThat(...).as("%s: %s", mutation.name(), seed.rerun()) ...
 * // ./mvnw -o -pl referral-rules-json test -Dtest=GeneratedSnapshotMutationsTest -Dreferralrules.seed=1234
 * }</pre>
 *
 * Surefire passes {@code -D} properties of the Maven command line on to the forked test JVM as system properties.
 *
 * @param value the seed
 */
public record Seed(long value) {
    /** The system property that fixes the seed. */
    public static final String PROPERTY = "referralrules.seed";

    /** The seed the system property gives, or a fresh random one when it is not set. */
    public static Seed fromSystemProperty() {
        String given = System.getProperty(PROPERTY);
        if (given == null || given.isBlank()) {
            return new Seed(new SplittableRandom().nextLong());
        }
        try {
            return new Seed(Long.parseLong(given.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number (a long), was " + given, e);
        }
    }

    /** A new generator seeded with this seed: the same sequence on every run with the same seed. */
    public SplittableRandom random() {
        return new SplittableRandom(value);
    }

    /** For failure messages: {@code seed 1234; rerun with -Dreferralrules.seed=1234}. */
    public String rerun() {
        return "seed " + value + "; rerun with -D" + PROPERTY + "=" + value;
    }

    @Override
    public String toString() {
        return rerun();
    }
}
