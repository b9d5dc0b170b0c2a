package io.referralrules.json;

import io.referralrules.api.Detail;
import io.referralrules.api.ReadinessPolicy;
import org.junit.jupiter.api.DisplayName;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Issue 15, defect 13: every public method of the json module rejects a {@code null} argument with a
 * {@link NullPointerException} that names the argument (the api module's {@code NullArgumentsTest} does the same for
 * the API).
 */
@DisplayName("Null arguments: a NullPointerException naming the argument")
class NullArgumentsTest {
    interface Call {
        void run() throws Exception;
    }

    static Stream<Arguments> calls() {
        return Stream.of(
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
