package io.referralrules.api;

import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The interface's default methods, as a host's own engine (one that implements only {@code assess}) gets them: the
 * detail-level overload and the batch answer one customer at a time, in order, naming a {@code null} argument.
 */
@DisplayName("ReferralReadinessEngine: the default methods an implementation inherits")
class EngineDefaultMethodsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final PlaybookRef PLAYBOOK = new PlaybookRef("host-playbook", "3");

    /** Answers every customer NO_RELATIONSHIP and remembers whom it was asked about. */
    private static final class OneByOneEngine implements ReferralReadinessEngine {
        final List<String> asked = new ArrayList<>();

        @Override
        public ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf) {
            asked.add(snapshot.customer().id());
            return new ReadinessAssessment(snapshot.customer().id(), asOf, PLAYBOOK, Stage.NO_RELATIONSHIP,
                    new Reason("no sale", "host.drl", "no sale yet", List.of()), false, List.of(), List.of(), List.of(),
                    List.of(), new EarliestAsk(null, "a sale"), null, List.of(), List.of());
        }

        @Override
        public DecisionRecord record(CustomerSnapshot snapshot, LocalDate asOf) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReplayResult replay(DecisionRecord record) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReadinessPolicy policy() {
            return ReadinessPolicy.defaults();
        }

        @Override
        public PlaybookRef playbook() {
            return PLAYBOOK;
        }
    }

    private static CustomerSnapshot customer(String id) {
        return CustomerSnapshot.builder(new Customer(id, CustomerType.INDIVIDUAL, "rep-1", null)).build();
    }

    @Test
    void assessingAtADetailLevelAsksTheEngineOnce() {
        OneByOneEngine engine = new OneByOneEngine();

        ReadinessAssessment a = engine.assess(customer("C-1"), DAY, Detail.DECISION);

        assertThat(a.customerId()).isEqualTo("C-1");
        assertThat(a.asOf()).isEqualTo(DAY);
        assertThat(engine.asked).containsExactly("C-1");
    }

    @Test
    void aBatchIsAnsweredInTheOrderOfTheSnapshotsAtEitherDetail() {
        OneByOneEngine engine = new OneByOneEngine();
        List<CustomerSnapshot> book = List.of(customer("C-3"), customer("C-1"), customer("C-2"));

        List<ReadinessAssessment> full = engine.assessAll(book, DAY);
        List<ReadinessAssessment> decisions = engine.assessAll(book, DAY, Detail.DECISION);

        assertThat(full).extracting(ReadinessAssessment::customerId).containsExactly("C-3", "C-1", "C-2");
        assertThat(decisions).extracting(ReadinessAssessment::customerId).containsExactly("C-3", "C-1", "C-2");
        assertThat(engine.asked).containsExactly("C-3", "C-1", "C-2", "C-3", "C-1", "C-2");
    }

    @Test
    void nullArgumentsAreNamed() {
        OneByOneEngine engine = new OneByOneEngine();
        List<CustomerSnapshot> withAGap = Arrays.asList(customer("C-1"), null);

        assertThatNullPointerException().isThrownBy(() -> engine.assess(customer("C-1"), DAY, null)).withMessage("detail");
        assertThatNullPointerException().isThrownBy(() -> engine.assessAll(null, DAY)).withMessage("snapshots");
        assertThatNullPointerException().isThrownBy(() -> engine.assessAll(List.of(), null)).withMessage("asOf");
        assertThatNullPointerException().isThrownBy(() -> engine.assessAll(List.of(), DAY, null)).withMessage("detail");
        assertThatNullPointerException().isThrownBy(() -> engine.assessAll(withAGap, DAY)).withMessage("snapshot");
    }
}
