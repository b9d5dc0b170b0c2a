package io.referralrules.examples;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.NextAction;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.engine.ReferralRules;
import io.referralrules.examples.CrmReferralService.Advice;
import io.referralrules.examples.CrmReferralService.CustomerRepository;
import io.referralrules.examples.CrmReferralService.NextStep;
import io.referralrules.examples.CrmReferralService.Rejected;
import io.referralrules.examples.CrmReferralService.UnknownCustomer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/**
 * A host's CRM service around the engine interface: the CRM's repository is mocked; the engine is the real one for the
 * answers, and a mock for the failures a real engine gives only with broken data.
 */
@ExtendWith(MockitoExtension.class)
@DisplayName("CrmReferralService: a host's service with its repository and the engine interface mocked")
class CrmReferralServiceTest {
    private static final LocalDate DAY = SampleCustomers.AS_OF;
    private static final ReferralReadinessEngine REAL = ReferralRules.engine();

    @Mock
    private CustomerRepository repository;

    /** Ready to ask (C-104), a fresh sale (C-101) and a complaint (C-105), as the CRM's store holds them. */
    private final CustomerSnapshot ready = SampleCustomers.readyToAsk();
    private final CustomerSnapshot freshSale = SampleCustomers.freshSale();
    private final CustomerSnapshot complaint = SampleCustomers.blockedByComplaint();

    /** What the engine says of a rejected customer: a path and a problem quoting a date, no free text. */
    private static InvalidInputException rejectedSaleDate() {
        return new InvalidInputException("C-101: $.sales[0].date must be between 1900-01-01 and 2999-12-31, was 3001-01-01",
                "$.sales[0].date", "must be between 1900-01-01 and 2999-12-31, was 3001-01-01");
    }

    /** The whole batch rejected, as {@link ReferralReadinessEngine#assessAll} does when one customer is. */
    private static InvalidInputException rejectedBatch() {
        return new InvalidInputException("snapshots[1]: $.sales[0].date must be between 1900-01-01 and 2999-12-31",
                "$.sales[0].date", "must be between 1900-01-01 and 2999-12-31");
    }

    private void storeHolds(CustomerSnapshot... snapshots) {
        for (CustomerSnapshot s : snapshots) {
            when(repository.findSnapshot(s.customer().id())).thenReturn(Optional.of(s));
        }
    }

    private static Advice advice(NextStep step) {
        assertThat(step).isInstanceOf(Advice.class);
        return (Advice) step;
    }

    @Test
    void withTheRealEngineEachCustomerGetsTheStageAndTheActionDueFirst() {
        storeHolds(ready, freshSale, complaint);
        CrmReferralService service = new CrmReferralService(repository, REAL);

        List<NextStep> steps = service.nextSteps(List.of("C-104", "C-101", "C-105"), DAY);

        assertThat(steps).extracting(NextStep::customerId).containsExactly("C-104", "C-101", "C-105");
        assertThat(advice(steps.get(0)).stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(advice(steps.get(0)).nextAction()).get().extracting(NextAction::type, NextAction::dueDate)
                .containsExactly(ActionType.ASK_FOR_INTRODUCTION, DAY);
        assertThat(advice(steps.get(1)).stage()).isEqualTo(Stage.POSITIONING);
        assertThat(advice(steps.get(1)).nextAction()).get().extracting(NextAction::type, NextAction::dueDate, NextAction::overdueDays)
                .containsExactly(ActionType.HOLD_POSITIONING_CONVERSATION, LocalDate.of(2026, 6, 12), 3);
        assertThat(advice(steps.get(2)).stage()).isEqualTo(Stage.BLOCKED);
        assertThat(advice(steps.get(2)).nextAction()).get().extracting(NextAction::type).isEqualTo(ActionType.RESOLVE_COMPLAINT);
    }

    @Test
    void theBatchAnswersAreTheEngineAnswersForEachCustomerAlone() {
        storeHolds(ready, freshSale, complaint);
        CrmReferralService service = new CrmReferralService(repository, REAL);

        List<NextStep> steps = service.nextSteps(List.of("C-104", "C-101", "C-105"), DAY);

        List<CustomerSnapshot> alone = List.of(SampleCustomers.readyToAsk(), SampleCustomers.freshSale(),
                SampleCustomers.blockedByComplaint());
        for (int i = 0; i < alone.size(); i++) {
            ReadinessAssessment expected = REAL.assess(alone.get(i), DAY, Detail.DECISION);
            assertThat(advice(steps.get(i)).assessment()).as(expected.customerId()).isEqualTo(expected);
        }
    }

    @Test
    void aCustomerTheStoreDoesNotKnowIsAnsweredAsUnknownAndCostsTheOthersNothing() {
        storeHolds(ready, freshSale);
        when(repository.findSnapshot("C-999")).thenReturn(Optional.empty());
        CrmReferralService service = new CrmReferralService(repository, REAL);

        List<NextStep> steps = service.nextSteps(List.of("C-104", "C-999", "C-101"), DAY);

        assertThat(steps.get(1)).isEqualTo(new UnknownCustomer("C-999"));
        assertThat(advice(steps.get(0)).stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(advice(steps.get(2)).stage()).isEqualTo(Stage.POSITIONING);
        verify(repository).findSnapshot("C-999");
    }

    @Test
    void anUnknownCustomerAloneNeverReachesTheEngine() {
        when(repository.findSnapshot("C-999")).thenReturn(Optional.empty());
        ReferralReadinessEngine engine = mock(ReferralReadinessEngine.class);

        NextStep step = new CrmReferralService(repository, engine).nextStep("C-999", DAY);
        List<NextStep> steps = new CrmReferralService(repository, engine).nextSteps(List.of("C-999", "C-999"), DAY);

        assertThat(step).isEqualTo(new UnknownCustomer("C-999"));
        assertThat(steps).containsExactly(new UnknownCustomer("C-999"), new UnknownCustomer("C-999"));
        verifyNoInteractions(engine);
    }

    @Test
    void aCustomerTheEngineRejectsIsAnsweredWithThePathAndTheProblemAndTheOthersStillGetTheirAdvice() {
        storeHolds(ready, freshSale, complaint);
        ReferralReadinessEngine engine = mock(ReferralReadinessEngine.class);
        ReadinessAssessment readyAnswer = REAL.assess(ready, DAY, Detail.DECISION);
        ReadinessAssessment complaintAnswer = REAL.assess(complaint, DAY, Detail.DECISION);
        when(engine.assessAll(anyList(), eq(DAY), eq(Detail.DECISION))).thenThrow(rejectedBatch());
        when(engine.assess(ready, DAY, Detail.DECISION)).thenReturn(readyAnswer);
        when(engine.assess(freshSale, DAY, Detail.DECISION)).thenThrow(rejectedSaleDate());
        when(engine.assess(complaint, DAY, Detail.DECISION)).thenReturn(complaintAnswer);

        List<NextStep> steps = new CrmReferralService(repository, engine).nextSteps(List.of("C-104", "C-101", "C-105"), DAY);

        assertThat(steps).containsExactly(new Advice(readyAnswer),
                new Rejected("C-101", "$.sales[0].date", "must be between 1900-01-01 and 2999-12-31, was 3001-01-01"),
                new Advice(complaintAnswer));
        InOrder order = inOrder(engine);
        order.verify(engine).assessAll(List.of(ready, freshSale, complaint), DAY, Detail.DECISION);
        order.verify(engine).assess(same(ready), eq(DAY), eq(Detail.DECISION));
        order.verify(engine).assess(same(freshSale), eq(DAY), eq(Detail.DECISION));
        order.verify(engine).assess(same(complaint), eq(DAY), eq(Detail.DECISION));
        verifyNoMoreInteractions(engine);
    }

    @Test
    void aRejectedCustomerIsAskedOnceAndNeverAgain() {
        storeHolds(freshSale);
        ReferralReadinessEngine engine = mock(ReferralReadinessEngine.class);
        when(engine.assess(any(), any(), any())).thenThrow(rejectedSaleDate());

        NextStep step = new CrmReferralService(repository, engine).nextStep("C-101", DAY);

        assertThat(step).isEqualTo(new Rejected("C-101", "$.sales[0].date",
                "must be between 1900-01-01 and 2999-12-31, was 3001-01-01"));
        verify(engine).assess(same(freshSale), eq(DAY), eq(Detail.DECISION));
        verifyNoMoreInteractions(engine);
        verify(repository).findSnapshot("C-101");
        verifyNoMoreInteractions(repository);
    }

    @Test
    void theHostsSnapshotsReachTheEngineAsTheSameObjectsUnchanged() {
        storeHolds(ready, complaint);
        ReferralReadinessEngine engine = mock(ReferralReadinessEngine.class);
        when(engine.assessAll(anyList(), eq(DAY), eq(Detail.DECISION)))
                .thenReturn(List.of(REAL.assess(ready, DAY, Detail.DECISION), REAL.assess(complaint, DAY, Detail.DECISION)));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<CustomerSnapshot>> batch = ArgumentCaptor.forClass(List.class);

        new CrmReferralService(repository, engine).nextSteps(List.of("C-104", "C-105"), DAY);

        verify(engine).assessAll(batch.capture(), eq(DAY), eq(Detail.DECISION));
        verifyNoMoreInteractions(engine);
        assertThat(batch.getValue()).hasSize(2);
        assertThat(batch.getValue().get(0)).isSameAs(ready).isEqualTo(SampleCustomers.readyToAsk());
        assertThat(batch.getValue().get(1)).isSameAs(complaint).isEqualTo(SampleCustomers.blockedByComplaint());
        assertThat(ready).isEqualTo(SampleCustomers.readyToAsk());
    }

    @Test
    void aFaultThatIsNotAboutTheInputIsNotSwallowed() {
        storeHolds(ready);
        ReferralReadinessEngine engine = mock(ReferralReadinessEngine.class);
        IllegalStateException fault = new IllegalStateException("rules broken");
        when(engine.assess(ready, DAY, Detail.DECISION)).thenThrow(fault);

        assertThatThrownBy(() -> new CrmReferralService(repository, engine).nextStep("C-104", DAY)).isSameAs(fault);
    }

    @Test
    void anEmptyListIsAnsweredWithoutAskingAnyone() {
        ReferralReadinessEngine engine = mock(ReferralReadinessEngine.class);

        assertThat(new CrmReferralService(repository, engine).nextSteps(List.of(), DAY)).isEmpty();
        verifyNoInteractions(repository, engine);
    }

    @Test
    void theExamplePrintsATaskListWithIdsStagesAndDaysOnly() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CrmReferralService.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(buffer.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "C-104: READY_TO_ASK, next ASK_FOR_INTRODUCTION due 2026-06-15",
                "C-101: POSITIONING, next HOLD_POSITIONING_CONVERSATION due 2026-06-12 (3 days overdue)",
                "C-999: not in the CRM",
                "C-105: BLOCKED, next RESOLVE_COMPLAINT due 2026-06-15");
    }

    @Test
    void aRejectedLineNamesThePathAndTheProblem() {
        assertThat(CrmReferralService.describe(new Rejected("C-101", "$.sales[0].date", "must be a date")))
                .isEqualTo("C-101: rejected, $.sales[0].date must be a date");
    }
}
