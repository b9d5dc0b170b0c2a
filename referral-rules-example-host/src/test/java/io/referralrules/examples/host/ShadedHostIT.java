package io.referralrules.examples.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example host, shaded into one jar the usual way and started as a process: the bundled playbooks load from their
 * precompiled model inside the uber-jar (Drools logs no fallback to compiling DRL, which the jar could not do: it
 * holds no DRL compiler), and the answers for the sample book equal those of the same code on the unshaded class
 * path.
 */
class ShadedHostIT {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static Path jar;

    @TempDir
    static Path dir;
    private static Path snapshots;
    private static String snapshotText;

    @BeforeAll
    static void sampleBookAsSnapshotLines() throws IOException {
        jar = Path.of(System.getProperty("referralrules.shadedJar", "(property referralrules.shadedJar not set)"));
        assertThat(jar).as("the shaded jar, built at package").exists();
        JsonNode book = new ObjectMapper().readTree(Path.of("..", "samples", "sample-book.json").toFile());
        StringBuilder lines = new StringBuilder();
        for (JsonNode customer : book.get("customers")) {
            lines.append(customer).append('\n');
        }
        snapshotText = lines.toString();
        snapshots = dir.resolve("customers.ndjson");
        Files.writeString(snapshots, snapshotText, StandardCharsets.UTF_8);
    }

    @Test
    void theShadedJarHoldsThePrecompiledModelAndNoDrlCompiler() throws IOException {
        try (JarFile shaded = new JarFile(jar.toFile())) {
            List<String> names = shaded.stream().map(entry -> entry.getName()).toList();
            assertThat(names).contains("META-INF/kie/io.referralrules/referral-rules-engine/drools-model",
                    "io/referralrules/rules/common/stage.drl", "io/referralrules/engine/ReferralRules.class");
            assertThat(names).anyMatch(name -> name.startsWith("io/referralrules/rules/common/Rules") && name.endsWith(".class"));
            assertThat(names).noneMatch(name -> name.startsWith("org/drools/mvel/") || name.startsWith("org/mvel2/")
                    || name.startsWith("org/eclipse/jdt/") || name.startsWith("com/github/javaparser/")
                    || name.startsWith("org/drools/drl/parser/") || name.equals("META-INF/kmodule.xml"));
            String suppliers = new String(shaded.getInputStream(
                    shaded.getEntry("META-INF/services/org.drools.wiring.api.ComponentsSupplier")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(suppliers.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).count())
                    .as("both Drools wiring jars' services, merged").isEqualTo(2);
        }
    }

    @Test
    void earnedTrustAnswersTheSameFromTheShadedJarWithNoFallback() throws Exception {
        runAndCompare(Playbook.EARNED_TRUST);
    }

    @Test
    void postSaleMomentumAnswersTheSameFromTheShadedJarWithNoFallback() throws Exception {
        runAndCompare(Playbook.POST_SALE_MOMENTUM);
    }

    private static void runAndCompare(Playbook playbook) throws Exception {
        Path out = dir.resolve(playbook.id() + ".out");
        Path err = dir.resolve(playbook.id() + ".err");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), snapshots.toString(), AS_OF.toString(), playbook.id())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the shaded host did not finish in 5 minutes");
        }
        String log = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code; standard error:%n%s", log).isZero();
        assertThat(log).doesNotContain("Falling back", "No executable model", "KieBuilder", "ERROR", "WARN");
        List<String> answers = Files.readAllLines(out, StandardCharsets.UTF_8);

        List<String> expected = CrmHost.assess(ReferralRules.engine(playbook),
                new BufferedReader(new StringReader(snapshotText)), AS_OF, snapshots.toString());
        assertThat(expected).hasSize(60).noneMatch(line -> line.startsWith("invalid"));
        assertThat(new ArrayList<>(answers)).containsExactlyElementsOf(expected);
    }
}
