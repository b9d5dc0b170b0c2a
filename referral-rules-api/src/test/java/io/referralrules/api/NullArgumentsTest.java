package io.referralrules.api;

import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import org.junit.jupiter.api.DisplayName;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Issue 15, defect 13: every public method of the api module rejects a {@code null} argument with a
 * {@link NullPointerException} that names the argument (the json module's {@code NullArgumentsTest} does the same for
 * the JSON readers and writers).
 */
@DisplayName("Null arguments: a NullPointerException naming the argument")
class NullArgumentsTest {
    private static final Customer CUSTOMER = new Customer("C-1", CustomerType.BUSINESS, "rep-1", null);
    private static final CustomerSnapshot SNAPSHOT = CustomerSnapshot.builder(CUSTOMER).build();
    private static final Reason REASON = new Reason("rule", "file.drl", "message", List.of());
    private static final PlaybookRef PLAYBOOK = new PlaybookRef("earned-trust", "1.0");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final ReadinessAssessment ASSESSMENT = new ReadinessAssessment("C-1", DAY, PLAYBOOK, Stage.NO_RELATIONSHIP,
            REASON, false, List.of(), List.of(), List.of(), List.of(), EarliestAsk.notWorkedOut(), null, List.of(), List.of());

    interface Call {
        void run() throws Exception;
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                call("CustomerSnapshot.builder", "customer", () -> CustomerSnapshot.builder(null)),
                call("CustomerSnapshot.Builder.add", "fact", () -> CustomerSnapshot.builder(CUSTOMER).add(null)),
                call("CustomerSnapshot.Builder.addAll", "facts", () -> CustomerSnapshot.builder(CUSTOMER).addAll(null)),
                call("ReadinessAssessment.action", "type", () -> ASSESSMENT.action(null)),
                call("ReadinessAssessment.actions", "type", () -> ASSESSMENT.actions((ActionType) null)),
                call("ReadinessAssessment.warnings", "type", () -> ASSESSMENT.warnings((WarningType) null)),
                call("ReadinessAssessment.hasWarning", "type", () -> ASSESSMENT.hasWarning(null)),
                call("ReadinessAssessment.whyNot", "kind", () -> ASSESSMENT.whyNot((ObstacleKind) null)),
                call("ReadinessAssessment.trustBuilder", "builder", () -> ASSESSMENT.trustBuilder(null)),
                call("ReadinessAssessment.sameAnswer", "other", () -> ASSESSMENT.sameAnswer(null)),
                call("ReadinessAssessment.Answer(builders)", "builders", () -> new ReadinessAssessment.Answer(Stage.NO_RELATIONSHIP,
                        "rule", false, null, List.of(), List.of(), List.of(), null)),
                call("ReadinessAssessment(trustBuilders)", "trustBuilders", () -> new ReadinessAssessment("C-1", DAY, PLAYBOOK,
                        Stage.NO_RELATIONSHIP, REASON, false, null, List.of(), List.of(), List.of(), EarliestAsk.notWorkedOut(), null, List.of(), List.of())),
                call("ReadinessAssessment(firedRules)", "firedRules", () -> new ReadinessAssessment("C-1", DAY, PLAYBOOK,
                        Stage.NO_RELATIONSHIP, REASON, false, List.of(), List.of(), List.of(), List.of(), EarliestAsk.notWorkedOut(), null, List.of(), null)),
                call("ReadinessPolicy.mandatory", "builder", () -> ReadinessPolicy.defaults().mandatory(null)),
                call("ReadinessPolicy.minimumEvidence", "builder", () -> ReadinessPolicy.defaults().minimumEvidence(null)),
                call("ReadinessPolicy.Builder.mandatoryTrustBuilders", "mandatoryTrustBuilders",
                        () -> ReadinessPolicy.defaults().toBuilder().mandatoryTrustBuilders(null)),
                call("Stage.outranks", "other", () -> Stage.READY_TO_ASK.outranks(null)),
                call("Customer.attribute", "key", () -> CUSTOMER.attribute(null)),
                call("Reason(evidence)", "evidence", () -> new Reason("rule", "file", "message", null)),
                call("ProspectHint(evidence)", "evidence", () -> new ProspectHint(ProspectCircle.values()[0], null, null)),
                call("TrustBuilderResult(evidence)", "evidence", () -> new TrustBuilderResult(TrustBuilder.RECIPROCITY, false, null, REASON)),
                call("NextAction(prospectHints)", "prospectHints", () -> new NextAction(ActionType.IMPROVE_SERVICE, DAY, 0, null, REASON, null, null)),
                call("ReplayResult(differences)", "differences", () -> new ReplayResult(new DecisionRecord(ASSESSMENT, SNAPSHOT, DAY, PLAYBOOK,
                        ReadinessPolicy.defaults(), "p", "r", "v"), ASSESSMENT, null)));
    }

    private static Arguments call(String method, String argument, Call call) {
        return arguments(method, argument, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aNullArgumentIsRejectedByName(String method, String argument, Call call) {
        ThrowingCallable callable = call::run;
        assertThatThrownBy(callable).as(method).isExactlyInstanceOf(NullPointerException.class).hasMessage(argument);
    }
}
