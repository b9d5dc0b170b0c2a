package io.referralrules.engine.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    private static ComplaintSignal complaint(String id, int raised, Integer settled) {
        return new ComplaintSignal(null, id, DAY.plusDays(raised), settled == null ? null : DAY.plusDays(settled), List.of(id));
    }

    @Test
    void noComplaintMeansEveryDayIsAfterTheLast() {
        Complaints none = Complaints.of(List.of());

        assertThat(none.lastRaised()).isEqualTo(LocalDate.MIN);
        assertThat(none.openOn(DAY)).isEmpty();
    }

    @Test
    void theLastRaisedIsTheLatestRaiseDay() {
        Complaints complaints = Complaints.of(List.of(complaint("C-2", -3, -1), complaint("C-1", -9, null)));

        assertThat(complaints.lastRaised()).isEqualTo(DAY.minusDays(3));
    }

    @Test
    void aComplaintIsOpenFromItsRaiseDayUntilTheDayBeforeItIsSettled() {
        Complaints complaints = Complaints.of(List.of(complaint("C-1", -10, -5)));

        assertThat(complaints.openOn(DAY.minusDays(11))).isEmpty();
        assertThat(complaints.openOn(DAY.minusDays(10))).extracting(ComplaintSignal::factId).containsExactly("C-1");
        assertThat(complaints.openOn(DAY.minusDays(6))).extracting(ComplaintSignal::factId).containsExactly("C-1");
        assertThat(complaints.openOn(DAY.minusDays(5))).isEmpty();
    }

    @Test
    void ofSeveralOpenTheOneSettledLastIsCitedAndAnOpenOneOutlastsAll() {
        Complaints complaints = Complaints.of(List.of(complaint("C-1", -20, -2), complaint("C-2", -15, -8),
                complaint("C-3", -6, null), complaint("C-4", -6, -1)));

        assertThat(complaints.openOn(DAY.minusDays(10))).extracting(ComplaintSignal::factId).containsExactly("C-1");
        assertThat(complaints.openOn(DAY.minusDays(3))).extracting(ComplaintSignal::factId).containsExactly("C-3");
        assertThat(complaints.openOn(DAY)).extracting(ComplaintSignal::factId).containsExactly("C-3");
    }

    @Test
    void onTheSameSettlementDayTheSmallerIdIsCited() {
        Complaints complaints = Complaints.of(List.of(complaint("C-2", -9, -1), complaint("C-1", -8, -1)));

        assertThat(complaints.openOn(DAY.minusDays(2))).extracting(ComplaintSignal::factId).containsExactly("C-1");
    }
}
