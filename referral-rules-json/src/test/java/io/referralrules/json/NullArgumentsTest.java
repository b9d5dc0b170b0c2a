package io.referralrules.json;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.Detail;
import io.referralrules.api.EarliestAsk;
import io.referralrules.api.NextAction;
import io.referralrules.api.ObstacleKind;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ProspectCircle;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Reason;
import io.referralrules.api.ReplayResult;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import org.junit.jupiter.api.DisplayName;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Issue 15, defect 13: every public method of the api and json modules rejects a {@code null} argument with a
 * {@link NullPointerException} that names the argument.
 */
@DisplayName("Null arguments: a NullPointerException naming the argument")
class NullArgumentsTest {
    private static final Customer CUSTOMER = new Customer("C-1", CustomerType.BUSINESS, "rep-1", null);
    private static final CustomerSnapshot SNAPSHOT = CustomerSnapshot.builder(CUSTOMER).build();
    private static final Reason REASON = new Reason("rule", "file.drl", "message", List.of());
    private static final PlaybookRef PLAYBOOK = new PlaybookRef("earned-trust", "1.0");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final ReadinessAssessment ASSESSMENT = new ReadinessAssessment("C-1", DAY, PLAYBOOK, Stage.NO_RELATIONSHIP,
            REASON, false, List.of(), List.of(), List.of(), List.of(), EarliestAsk.notWorkedOut(), List.of(), List.of());

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
                call("ReadinessAssessment(trustBuilders)", "trustBuilders", () -> new ReadinessAssessment("C-1", DAY, PLAYBOOK,
                        Stage.NO_RELATIONSHIP, REASON, false, null, List.of(), List.of(), List.of(), EarliestAsk.notWorkedOut(), List.of(), List.of())),
                call("ReadinessAssessment(firedRules)", "firedRules", () -> new ReadinessAssessment("C-1", DAY, PLAYBOOK,
                        Stage.NO_RELATIONSHIP, REASON, false, List.of(), List.of(), List.of(), List.of(), EarliestAsk.notWorkedOut(), List.of(), null)),
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
                        ReadinessPolicy.defaults(), "p", "r", "v"), ASSESSMENT, null)),
                call("ReferralJson.readSnapshot(Path)", "file", () -> ReferralJson.readSnapshot((Path) null)),
                call("ReferralJson.readSnapshot(json)", "json", () -> ReferralJson.readSnapshot(null, "s")),
                call("ReferralJson.readSnapshot(source)", "source", () -> ReferralJson.readSnapshot("{}", null)),
                call("ReferralJson.readBookEntry(json)", "json", () -> ReferralJson.readBookEntry((String) null, "s")),
                call("ReferralJson.readBookEntry(source)", "source", () -> ReferralJson.readBookEntry("{}", null)),
                call("ReferralJson.readBookEntry(utf8)", "utf8", () -> ReferralJson.readBookEntry((byte[]) null, "s")),
                call("ReferralJson.readBookEntry(bytes, source)", "source", () -> ReferralJson.readBookEntry(new byte[0], null)),
                call("ReferralJson.decodeUtf8(utf8)", "utf8", () -> ReferralJson.decodeUtf8(null, "s")),
                call("ReferralJson.decodeUtf8(source)", "source", () -> ReferralJson.decodeUtf8(new byte[0], null)),
                call("ReferralJson.customerIdOf", "json", () -> ReferralJson.customerIdOf(null)),
                call("ReferralJson.writeBookEntry", "snapshot", () -> ReferralJson.writeBookEntry(null)),
                call("ReferralJson.writeSnapshot", "snapshot", () -> ReferralJson.writeSnapshot(null)),
                call("ReferralJson.writeAssessment", "assessment", () -> ReferralJson.writeAssessment(null)),
                call("ReferralJson.writeAssessmentLine", "assessment", () -> ReferralJson.writeAssessmentLine(null)),
                call("ReferralJson.writeDecision", "assessment", () -> ReferralJson.writeDecision(null)),
                call("ReferralJson.writeDecisionLine", "assessment", () -> ReferralJson.writeDecisionLine(null)),
                call("ReferralJson.readAssessment(json)", "json", () -> ReferralJson.readAssessment(null, "s")),
                call("ReferralJson.readAssessment(source)", "source", () -> ReferralJson.readAssessment("{}", null)),
                call("ReferralJson.writeRecord", "record", () -> ReferralJson.writeRecord(null)),
                call("ReferralJson.readRecord(Path)", "file", () -> ReferralJson.readRecord((Path) null)),
                call("ReferralJson.readRecord(json)", "json", () -> ReferralJson.readRecord(null, "s")),
                call("ReferralJson.readRecord(source)", "source", () -> ReferralJson.readRecord("{}", null)),
                call("PolicyJson.read(file)", "file", () -> PolicyJson.read(null, ReadinessPolicy.defaults())),
                call("PolicyJson.read(base)", "base", () -> PolicyJson.read(Path.of("x.json"), null)),
                call("PolicyJson.parse(json)", "json", () -> PolicyJson.parse(null, "s", ReadinessPolicy.defaults())),
                call("PolicyJson.parse(source)", "source", () -> PolicyJson.parse("{}", null, ReadinessPolicy.defaults())),
                call("PolicyJson.parse(base)", "base", () -> PolicyJson.parse("{}", "s", null)),
                call("PolicyJson.write", "policy", () -> PolicyJson.write(null)),
                call("AssessmentWriter.lines(out)", "out", () -> AssessmentWriter.lines(null, Detail.FULL)),
                call("AssessmentWriter.lines(detail)", "detail", () -> AssessmentWriter.lines(new StringWriter(), null)),
                call("AssessmentWriter.write", "assessment", () -> AssessmentWriter.lines(new StringWriter(), Detail.FULL).write(null)),
                call("AssessmentWriter.writeRaw", "text", () -> AssessmentWriter.lines(new StringWriter(), Detail.FULL).writeRaw(null)));
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
