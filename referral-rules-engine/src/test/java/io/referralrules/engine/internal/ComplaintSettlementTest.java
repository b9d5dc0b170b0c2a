package io.referralrules.engine.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of several complaints open on a day an ask during a complaint cites: the one settled last, and of those settled
 * on the same day the one with the smallest id, whatever order they were raised in.
 */
@DisplayName("Complaints open on a day: the one settled last, ties by id")
class ComplaintSettlementTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    private static ComplaintSignal complaint(String id, int raised, Integer settled) {
        return new ComplaintSignal(null, id, DAY.plusDays(raised), settled == null ? null : DAY.plusDays(settled), List.of(id));
    }

    private static String openOn(int day, ComplaintSignal... signals) {
        List<ComplaintSignal> open = Complaints.of(List.of(signals)).openOn(DAY.plusDays(day));
        return open.isEmpty() ? null : open.get(0).factId();
    }

    @Test
    void ofTwoSettledTheSameDayTheSmallerIdIsCitedWhicheverWasRaisedFirst() {
        assertThat(openOn(-5, complaint("CP-2", -20, -1), complaint("CP-1", -10, -1))).isEqualTo("CP-1");
        assertThat(openOn(-5, complaint("CP-1", -20, -1), complaint("CP-2", -10, -1))).isEqualTo("CP-1");
    }

    @Test
    void oneSettledADayLaterIsCitedOverOneRaisedLater() {
        assertThat(openOn(-5, complaint("CP-1", -20, 0), complaint("CP-2", -10, -1))).isEqualTo("CP-1");
        assertThat(openOn(-5, complaint("CP-2", -20, -1), complaint("CP-1", -10, 0))).isEqualTo("CP-1");
        assertThat(openOn(-5, complaint("CP-9", -20, -1), complaint("CP-1", -10, -2))).isEqualTo("CP-9");
    }

    @Test
    void anOpenComplaintIsCitedOverEverySettledOneAndTheFirstOpenOneStays() {
        assertThat(openOn(-5, complaint("CP-2", -20, null), complaint("CP-1", -10, -1))).isEqualTo("CP-2");
        assertThat(openOn(-5, complaint("CP-2", -20, -1), complaint("CP-3", -10, null))).isEqualTo("CP-3");
        assertThat(openOn(-5, complaint("CP-2", -20, null), complaint("CP-1", -10, null))).isEqualTo("CP-2");
    }
}
