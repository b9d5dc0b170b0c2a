package io.referralrules.scenarios;

import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled playbooks on the lean class path: the engine and its declared runtime dependencies, nothing more (no
 * DRL compiler, no Jackson). A second JVM runs {@link LeanRuntimeProbe} there; its answers must equal, line for line,
 * the answers of this JVM, whose class path has everything (the host-rule compiler, JSON, the test libraries).
 */
class LeanRuntimeTest {
    /** What the lean class path must not hold: the DRL compiler stack, the code generator, XStream, and Jackson. */
    private static final List<String> LEFT_OUT = List.of("ecj-", "drools-ecj-", "javaparser-core-", "mvel2-",
            "drools-mvel-", "drools-drl-parser-", "antlr-runtime-", "antlr4-runtime-", "drools-model-codegen-",
            "drools-codegen-common-", "drools-drl-extensions-", "drools-xml-support-", "xstream-", "jackson-",
            "referral-rules-json-", "referral-rules-host-rules-");

    @TempDir
    Path dir;

    @Test
    void theBundledPlaybooksGiveTheSameAnswersOnTheEnginesOwnClassPath() throws Exception {
        List<String> lean = leanClassPath();
        assertThat(lean).as("the engine's runtime class path").isNotEmpty()
                .noneMatch(entry -> LEFT_OUT.stream().anyMatch(Path.of(entry).getFileName().toString()::startsWith));

        List<String> classPath = new ArrayList<>();
        classPath.add(location(ReferralRules.class));     // the engine (its jar, or its classes in a reactor build)
        classPath.addAll(lean);
        classPath.add(location(LeanRuntimeProbe.class));  // the probe and the scenario customers: api and engine only
        Path out = dir.resolve("answers.txt");
        Path err = dir.resolve("errors.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), LeanRuntimeProbe.class.getName())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the lean JVM did not finish in 5 minutes");
        }
        assertThat(process.exitValue()).as("exit code; standard error:%n%s", Files.readString(err, StandardCharsets.UTF_8))
                .isZero();
        List<String> answers = Files.readAllLines(out, StandardCharsets.UTF_8);

        List<String> full = LeanRuntimeProbe.answers();
        int customers = ScenarioBook.all().size();
        assertThat(full).hasSize(2 * (3 * 2 * customers + customers) + 1)
                .anyMatch(line -> line.startsWith("fire limit: ") && !line.equals("fire limit: not reached"));
        assertThat(answers).containsExactlyElementsOf(full);
    }

    /** The engine's declared runtime dependencies, as the engine's build wrote them (the engine itself excluded). */
    private static List<String> leanClassPath() throws IOException {
        String file = System.getProperty("referralrules.engineRuntimeClasspath");
        assertThat(file).as("system property referralrules.engineRuntimeClasspath (set by the test kit's pom)").isNotNull();
        Path path = Path.of(file);
        assertThat(path).as("written by the engine module's build (build it first)").exists();
        return Arrays.stream(Files.readString(path, StandardCharsets.UTF_8).strip().split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .toList();
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
