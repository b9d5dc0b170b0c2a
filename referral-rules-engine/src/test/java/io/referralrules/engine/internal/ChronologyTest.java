package io.referralrules.engine.internal;

import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.ReferralAsk;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChronologyTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    private static ReferralAsk ask(String id, int dayOffset) {
        return new ReferralAsk(id, DAY.plusDays(dayOffset), AskType.INTRODUCTION);
    }

    // given out of order; in time order: A-1 (day -10), A-2 and A-3 (day -5, ids break the tie), A-4 (day 0)
    private final Chronology<ReferralAsk> asks = Chronology.ofAsks(List.of(ask("A-4", 0), ask("A-3", -5), ask("A-1", -10), ask("A-2", -5)));

    @Test
    void theLatestIsTheLastInTimeOrder() {
        assertThat(asks.latest()).extracting(ReferralAsk::id).containsExactly("A-4");
        assertThat(Chronology.ofAsks(List.of()).latest()).isEmpty();
    }

    @Test
    void theOneBeforeFollowsDateThenId() {
        assertThat(asks.before("A-4")).extracting(ReferralAsk::id).containsExactly("A-3");
        assertThat(asks.before("A-3")).extracting(ReferralAsk::id).containsExactly("A-2");
        assertThat(asks.before("A-2")).extracting(ReferralAsk::id).containsExactly("A-1");
        assertThat(asks.before("A-1")).isEmpty();
        assertThat(asks.before("A-9")).isEmpty();
    }

    @Test
    void searchesByDayAtEveryEdge() {
        assertThat(asks.latestBefore(DAY.minusDays(5))).extracting(ReferralAsk::id).containsExactly("A-1");
        assertThat(asks.latestBefore(DAY.minusDays(4))).extracting(ReferralAsk::id).containsExactly("A-3");
        assertThat(asks.latestBefore(DAY.minusDays(10))).isEmpty();
        assertThat(asks.latestOnOrBefore(DAY.minusDays(5))).extracting(ReferralAsk::id).containsExactly("A-3");
        assertThat(asks.latestOnOrBefore(DAY.minusDays(11))).isEmpty();
        assertThat(asks.firstAfter(DAY.minusDays(10))).extracting(ReferralAsk::id).containsExactly("A-2");
        assertThat(asks.firstAfter(DAY)).isEmpty();
        assertThat(asks.firstOnOrAfter(DAY.minusDays(5))).extracting(ReferralAsk::id).containsExactly("A-2");
        assertThat(asks.firstOnOrAfter(DAY.minusDays(4))).extracting(ReferralAsk::id).containsExactly("A-4");
        assertThat(asks.firstOnOrAfter(DAY.plusDays(1))).isEmpty();
    }

    @Test
    void countsTheEarlierFactsFromADay() {
        assertThat(asks.countBefore("A-4", DAY.minusDays(5))).isEqualTo(2);
        assertThat(asks.countBefore("A-4", DAY.minusDays(10))).isEqualTo(3);
        assertThat(asks.countBefore("A-4", DAY)).isZero();
        assertThat(asks.countBefore("A-1", DAY.minusDays(30))).isZero();
        assertThat(asks.countBefore("A-9", DAY.minusDays(30))).isZero();
    }
}
