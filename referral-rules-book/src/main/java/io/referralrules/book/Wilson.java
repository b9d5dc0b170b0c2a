package io.referralrules.book;

/**
 * The Wilson score interval of a proportion: {@code successes} of {@code trials}, at 95% (z = 1.959963984540054).
 * Unlike the normal approximation it stays within 0..1 and means something at 0 of n and n of n, which are common when
 * a backtest splits a small book into many groups.
 *
 * <pre>{@code
 * Wilson.Interval i = Wilson.interval95(5, 10);   // 0.2366 .. 0.7634
 * }</pre>
 */
public final class Wilson {
    /** The standard normal quantile for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /**
     * The 95% Wilson score interval of {@code successes} of {@code trials}.
     *
     * @param successes from 0 to {@code trials}
     * @param trials    at least 1
     * @return the interval, within 0..1
     * @throws IllegalArgumentException if {@code trials} is below 1 or {@code successes} is outside 0..{@code trials}
     */
    public static Interval interval95(long successes, long trials) {
        return interval(successes, trials, Z95);
    }

    /**
     * The Wilson score interval of {@code successes} of {@code trials} for the normal quantile {@code z}.
     *
     * @param successes from 0 to {@code trials}
     * @param trials    at least 1
     * @param z         the normal quantile, above 0 (1.959963984540054 for 95%)
     * @return the interval, within 0..1
     * @throws IllegalArgumentException if {@code trials} is below 1, {@code successes} is outside 0..{@code trials} or
     *                                  {@code z} is not above 0
     */
    public static Interval interval(long successes, long trials, double z) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, was " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be from 0 to " + trials + ", was " + successes);
        }
        if (!(z > 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("z must be above 0, was " + z);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // at 0 of n and n of n the bound is exactly 0 or 1; rounding must not move it past
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == trials ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }

    /**
     * A confidence interval of a proportion.
     *
     * @param low  the lower bound, from 0 to 1
     * @param high the upper bound, from {@code low} to 1
     */
    public record Interval(double low, double high) {
        public Interval {
            if (!(low >= 0 && low <= high && high <= 1)) {
                throw new IllegalArgumentException("an interval must have 0 <= low <= high <= 1, was " + low + " .. " + high);
            }
        }

        /** Whether {@code value} lies within the interval, bounds included. */
        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }
}
