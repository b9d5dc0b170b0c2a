package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.Limits;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.SurveyReading;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.PolicyJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated: the policy hash of a decision record, which the engine works out from its own canonical text of the
 * policy (no JSON library), is the SHA-256 of exactly the bytes {@link PolicyJson#write} gives, for 5,000 random valid
 * policies: every threshold anywhere in its valid range (edges, small values, anything up to the largest), windows
 * within the look-back, the NPS cut-offs in any valid pair, any set of mandatory trust builders given in any order
 * and kind of set, and ratings with few or many digits (1.0, 5.0, the doubles next to them, random bit patterns,
 * sums such as 0.1 + 0.2 + 4), and the CSAT and CES switches off or on with any valid cut-offs (a switch that is off
 * is left out of both texts). Equal hashes mean equal bytes, so decision records written when the engine hashed
 * {@code PolicyJson.write} replay as identical.
 *
 * <p>Seeded: {@code -Dreferralrules.seed=N} repeats a run, and every failure names its seed and case.
 */
@DisplayName("Generated: the engine's policy hash is the hash of PolicyJson.write's bytes")
class PolicyHashTest {
    private static final int CASES = 5_000;
    private static final String SEED_PROPERTY = "referralrules.seed";
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final CustomerSnapshot SNAPSHOT =
            CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-1", null)).build();
    private static final TrustBuilder[] BUILDERS = TrustBuilder.values();

    @Test
    void everyValidPolicyHashesAsPolicyJsonWroteIt() {
        long seed = seed();
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> hashes = new HashSet<>();

        for (int i = 0; i < CASES; i++) {
            ReadinessPolicy policy = policy(random);
            // Jackson ends the lines inside the object with the JVM's line separator, the engine with \n everywhere
            String written = PolicyJson.write(policy).replace(System.lineSeparator(), "\n");
            DecisionRecord record = ReferralRules.engine(policy).record(SNAPSHOT, DAY);

            assertThat(record.policyHash())
                    .as("case %d, seed %d (rerun with -D%s=%d): %s written by PolicyJson as%n%s", i, seed, SEED_PROPERTY,
                            seed, policy, written)
                    .isEqualTo(sha256(written));
            hashes.add(record.policyHash());
        }
        // the generator is not stuck on a few policies
        assertThat(hashes).as("distinct policies, seed %d", seed).hasSizeGreaterThan(CASES * 99 / 100);
    }

    @Test
    void theGeneratorReachesTheEdgesOfEveryRange() {
        long seed = seed();
        SplittableRandom random = new SplittableRandom(seed);
        Set<Object> seen = new HashSet<>();

        for (int i = 0; i < CASES; i++) {
            ReadinessPolicy p = policy(random);
            seen.add("lookback " + p.lookbackDays());
            seen.add("feedback=lookback " + (p.feedbackWindowDays() == p.lookbackDays()));
            seen.add("momentum=lookback " + (p.momentumWindowDays() == p.lookbackDays()));
            seen.add("interactions " + p.serviceMinInteractions());
            seen.add("rating " + p.serviceMinAverageRating());
            seen.add("required " + p.trustBuildersRequired());
            seen.add("mandatory " + p.mandatoryTrustBuilders().size());
            seen.add("promoter " + p.npsPromoterMin());
            seen.add("detractor " + p.npsDetractorMax());
            seen.add("csat " + p.csatFeedback());
            seen.add("ces " + p.cesFeedback());
        }

        assertThat(seen).as("seed %d", seed).contains("lookback 0", "lookback " + Limits.MAX_POLICY_DAYS,
                "feedback=lookback true", "momentum=lookback true", "interactions 0", "interactions " + Integer.MAX_VALUE,
                "rating 1.0", "rating 5.0", "rating " + Math.nextUp(1.0), "rating " + Math.nextDown(5.0),
                "required 0", "required 5", "mandatory 0", "mandatory 5", "promoter 0", "promoter 10",
                "detractor -1", "detractor 9", "csat null", "csat " + new SurveyReading(5, 4),
                "csat " + new SurveyReading(1, 0), "ces null", "ces " + new SurveyReading(7, 6), "ces " + new SurveyReading(1, 0));
        assertThat(seen.stream().filter(s -> s.toString().startsWith("rating ")).count())
                .as("distinct ratings, seed %d", seed).isGreaterThan(CASES / 2);
    }

    /** A random valid policy: the look-back first, since two windows must fit in it, and the NPS cut-offs as a pair. */
    private static ReadinessPolicy policy(SplittableRandom random) {
        int lookback = days(random);
        int promoter = random.nextInt(11);
        return new ReadinessPolicy(days(random), days(random), lookback, count(random), rating(random), count(random),
                count(random), count(random), count(random), random.nextInt(BUILDERS.length + 1), builders(random),
                within(random, lookback), count(random), promoter, random.nextInt(-1, promoter), days(random),
                days(random), days(random), days(random), days(random), days(random), days(random), days(random),
                days(random), within(random, lookback), reading(random, 5), reading(random, 7));
    }

    /** A survey switch on a scale of 1 to {@code max}: off half the time, else any valid pair of cut-offs. */
    private static SurveyReading reading(SplittableRandom random, int max) {
        if (random.nextBoolean()) {
            return null;
        }
        int greenLightMin = random.nextInt(1, max + 1);
        return new SurveyReading(greenLightMin, random.nextInt(greenLightMin));
    }

    /** A day count: an edge, a usual value, or anything up to {@link Limits#MAX_POLICY_DAYS}. */
    private static int days(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, 0, 1, Limits.MAX_POLICY_DAYS - 1, Limits.MAX_POLICY_DAYS);
            case 1 -> random.nextInt(400);
            default -> random.nextInt(Limits.MAX_POLICY_DAYS + 1);
        };
    }

    /** A window within the look-back: often the look-back itself or none. */
    private static int within(SplittableRandom random, int lookback) {
        return switch (random.nextInt(4)) {
            case 0 -> lookback;
            case 1 -> 0;
            default -> random.nextInt(lookback + 1);
        };
    }

    /** A minimum count: an edge, a small number, or any int that is not negative. */
    private static int count(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, 0, 1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
            case 1 -> random.nextInt(20);
            default -> random.nextInt(Integer.MAX_VALUE) + random.nextInt(2);
        };
    }

    /** A rating on the 1-5 scale, with anything from one to seventeen significant digits. */
    private static double rating(SplittableRandom random) {
        double r = switch (random.nextInt(6)) {
            case 0 -> pick(random, 1.0, 5.0, Math.nextUp(1.0), Math.nextDown(5.0), 4.0, 4.25, 2.5, 3.0);
            // any double in [1, 5], each bit pattern as likely: most have 16 or 17 significant digits
            case 1 -> Double.longBitsToDouble(random.nextLong(Double.doubleToLongBits(1.0), Double.doubleToLongBits(5.0) + 1));
            case 2 -> 1.0 + 4.0 * random.nextDouble();
            // a value as a person types it: up to four decimals
            case 3 -> Double.parseDouble(random.nextInt(1, 5) + "." + random.nextInt(10_000));
            // arithmetic that misses the decimal it aims at: 0.1 + 0.2 + 4, 3 * 1.1, 1 / 3 + 3
            case 4 -> random.nextInt(1, 4) + random.nextInt(1, 10) * 0.1 + random.nextInt(1, 10) * 0.01;
            default -> random.nextInt(1, 5) + 1.0 / random.nextInt(2, 1000);
        };
        return Math.min(5.0, Math.max(1.0, r));
    }

    /** Any set of trust builders, given as any kind of set in any order (the policy keeps an EnumSet). */
    private static Set<TrustBuilder> builders(SplittableRandom random) {
        List<TrustBuilder> chosen = new ArrayList<>();
        int mask = random.nextInt(1 << BUILDERS.length);
        for (int b = 0; b < BUILDERS.length; b++) {
            if ((mask & (1 << b)) != 0) {
                chosen.add(BUILDERS[b]);
            }
        }
        Collections.shuffle(chosen, new Random(random.nextLong()));
        return switch (random.nextInt(3)) {
            case 0 -> chosen.isEmpty() ? EnumSet.noneOf(TrustBuilder.class) : EnumSet.copyOf(chosen);
            case 1 -> new LinkedHashSet<>(chosen);
            default -> Set.copyOf(chosen);
        };
    }

    private static int pick(SplittableRandom random, int... values) {
        return values[random.nextInt(values.length)];
    }

    private static double pick(SplittableRandom random, double... values) {
        return values[random.nextInt(values.length)];
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The seed of this run: {@value #SEED_PROPERTY} when set, else a fresh one (named in every failure). */
    private static long seed() {
        String given = System.getProperty(SEED_PROPERTY);
        return given == null || given.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(given.strip());
    }
}
