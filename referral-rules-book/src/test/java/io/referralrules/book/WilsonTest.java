package io.referralrules.book;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The Wilson score interval against published figures: Newcombe (1998), "Two-sided confidence intervals for the
 * single proportion", Statistics in Medicine 17, table II (method 3, score without continuity correction), and the
 * closed forms at 0 of n and n of n (upper bound z²/(n+z²)).
 */
class WilsonTest {
    private static final double FOUR_PLACES = 0.00005;

    @Test
    void noneOfTen() {
        Wilson.Interval i = Wilson.interval95(0, 10);

        assertThat(i.low()).isZero();
        assertThat(i.high()).isCloseTo(0.2775, within(FOUR_PLACES));
    }

    @Test
    void fiveOfTen() {
        Wilson.Interval i = Wilson.interval95(5, 10);

        assertThat(i.low()).isCloseTo(0.2366, within(FOUR_PLACES));
        assertThat(i.high()).isCloseTo(0.7634, within(FOUR_PLACES));
    }

    @Test
    void tenOfTen() {
        Wilson.Interval i = Wilson.interval95(10, 10);

        assertThat(i.low()).isCloseTo(0.7225, within(FOUR_PLACES));
        assertThat(i.high()).isEqualTo(1.0);
    }

    @Test
    void newcombesExamples() {
        // Newcombe 1998, table II, method 3: 81/263, 15/148, 0/20, 1/29
        assertInterval(81, 263, 0.2553, 0.3662);
        assertInterval(15, 148, 0.0624, 0.1605);
        assertInterval(0, 20, 0.0, 0.1611);
        assertInterval(1, 29, 0.0061, 0.1718);
    }

    private static void assertInterval(long successes, long trials, double low, double high) {
        Wilson.Interval i = Wilson.interval95(successes, trials);
        assertThat(i.low()).as("%d of %d, low", successes, trials).isCloseTo(low, within(FOUR_PLACES));
        assertThat(i.high()).as("%d of %d, high", successes, trials).isCloseTo(high, within(FOUR_PLACES));
    }

    @Test
    void theIntervalHoldsTheObservedRateAndNarrowsWithMoreTrials() {
        Wilson.Interval small = Wilson.interval95(3, 10);
        Wilson.Interval large = Wilson.interval95(300, 1000);

        assertThat(small.contains(0.3)).isTrue();
        assertThat(large.contains(0.3)).isTrue();
        assertThat(large.high() - large.low()).isLessThan(small.high() - small.low());
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval95(0, 0)).withMessage("trials must be at least 1, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval95(11, 10)).withMessage("successes must be from 0 to 10, was 11");
        assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval95(-1, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval(1, 10, 0));
    }
}
