package io.referralrules.cli;

import io.referralrules.book.BookProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The progress bar: shown when standard error is a terminal (asked of standard error itself, never of the JDK's console
 * alone), or as {@code --progress} / {@code --no-progress} say; the terminal check is injected, so no real terminal is
 * needed.
 */
class ProgressTest {
    private static final BooleanSupplier TERMINAL = () -> true;
    private static final BooleanSupplier NOT_ASKED = () -> fail("the terminal check is not asked when an option decides");

    @TempDir
    Path dir;

    private static AssessCommand parsed(BooleanSupplier errIsTerminal, String... args) {
        Streams streams = new Streams(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                new PrintStream(OutputStream.nullOutputStream()), Streams.RUNTIME, errIsTerminal);
        AssessCommand command = new AssessCommand(streams);
        new CommandLine(command).parseArgs(args);
        return command;
    }

    // ------------------------------------------------------------------------------------------ the options

    @Test
    void byDefaultTheBarShowsWhenStandardErrorIsATerminal() {
        assertThat(parsed(TERMINAL, "book.ndjson").showProgress()).isTrue();
    }

    @Test
    void byDefaultTheBarStaysOffWhenStandardErrorIsNotATerminal() {
        assertThat(parsed(Streams.NOT_A_TERMINAL, "book.ndjson").showProgress()).isFalse();
    }

    @Test
    void progressShowsTheBarWithoutATerminal() {
        assertThat(parsed(NOT_ASKED, "book.ndjson", "--progress").showProgress()).isTrue();
    }

    @Test
    void noProgressHidesTheBarOnATerminal() {
        assertThat(parsed(NOT_ASKED, "book.ndjson", "--no-progress").showProgress()).isFalse();
    }

    @Test
    void theHelpShowsBothForms() {
        String help = new CommandLine(new AssessCommand(new Streams(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                new PrintStream(OutputStream.nullOutputStream()), Streams.RUNTIME))).getUsageMessage();

        assertThat(help).contains("--[no-]progress").contains("Default: only when standard error is a terminal.");
    }

    @Test
    void theStreamsOfTestsAndEmbeddingAreNotATerminal() {
        assertThat(Streams.current().errIsTerminal().getAsBoolean()).isFalse();
    }

    @Test
    void aRunAsksTheTerminalCheckOnlyWithoutAnOption() throws IOException {
        Path book = dir.resolve("empty.ndjson");
        Files.writeString(book, "");
        AtomicInteger asked = new AtomicInteger();
        Streams streams = new Streams(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                new PrintStream(OutputStream.nullOutputStream()), new NoHooks(), () -> asked.incrementAndGet() < 0);

        assertThat(Main.run(streams, "assess", book.toString(), "--no-progress")).isZero();
        assertThat(Main.run(streams, "assess", book.toString(), "--progress")).isZero();
        assertThat(asked).hasValue(0);
        assertThat(Main.run(streams, "assess", book.toString())).isZero();
        assertThat(asked).hasValue(1);
    }

    /** Hooks that do nothing: these runs are not interrupted. */
    private static final class NoHooks implements Streams.Hooks {
        @Override
        public void add(Thread hook) {
        }

        @Override
        public void remove(Thread hook) {
        }

        @Override
        public void halt(int status) {
            fail("halted with " + status);
        }
    }

    // ------------------------------------------------------------------------------------------ the bar

    private static String drawn(boolean enabled, long... nanos) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), enabled, now::get);
        for (long at : nanos) {
            now.set(at);
            bar.update(new BookProgress(500, 0, 1000));
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEnabledBarDrawsOnceTheBookHasTakenASecond() {
        assertThat(drawn(true, 500_000_000L)).isEmpty();
        assertThat(drawn(true, 500_000_000L, 1_200_000_000L)).startsWith("\r[###############...............]  50%  500/1,000");
    }

    @Test
    void aBarThatIsNotEnabledNeverDraws() {
        assertThat(drawn(false, 500_000_000L, 1_200_000_000L, 5_000_000_000L)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ is standard error a terminal

    /** A link such as /proc/self/fd/2, to {@code target} (which need not exist). */
    private Path link(String target) throws IOException {
        Path link = dir.resolve("fd-" + Integer.toHexString(target.hashCode()));
        try {
            Files.createSymbolicLink(link, Path.of(target));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links: " + e);
        }
        return link;
    }

    @Test
    void aPseudoTerminalIsATerminal() throws IOException {
        assertThat(Terminals.isTerminal(link("/dev/pts/7"), NOT_ASKED)).isTrue();
    }

    @Test
    void aVirtualConsoleIsATerminal() throws IOException {
        assertThat(Terminals.isTerminal(link("/dev/tty1"), NOT_ASKED)).isTrue();
    }

    @Test
    void theSystemConsoleIsATerminal() throws IOException {
        assertThat(Terminals.isTerminal(link("/dev/console"), NOT_ASKED)).isTrue();
    }

    @Test
    void aPipeIsNotATerminal() throws IOException {
        assertThat(Terminals.isTerminal(link("pipe:[48213]"), NOT_ASKED)).isFalse();
    }

    @Test
    void aSocketIsNotATerminal() throws IOException {
        assertThat(Terminals.isTerminal(link("socket:[5120]"), NOT_ASKED)).isFalse();
    }

    @Test
    void aFileIsNotATerminal() throws IOException {
        assertThat(Terminals.isTerminal(link("/var/log/referral-rules.log"), NOT_ASKED)).isFalse();
    }

    @Test
    void devNullIsNotATerminal() throws IOException {
        assertThat(Terminals.isTerminal(link("/dev/null"), NOT_ASKED)).isFalse();
    }

    @Test
    void withoutTheLinkTheFallbackDecides() {
        Path missing = dir.resolve("no-such-fd");

        assertThat(Terminals.isTerminal(missing, () -> true)).isTrue();
        assertThat(Terminals.isTerminal(missing, () -> false)).isFalse();
    }

    @Test
    void aPathThatIsNotALinkLeavesItToTheFallback() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");

        assertThat(Terminals.isTerminal(file, () -> true)).isTrue();
        assertThat(Terminals.isTerminal(file, () -> false)).isFalse();
    }

    @Test
    void aFallbackThatFailsMeansNotATerminal() {
        assertThat(Terminals.isTerminal(dir.resolve("no-such-fd"), () -> {
            throw new IllegalStateException("no console");
        })).isFalse();
    }

    @Test
    void noConsoleIsNotATerminal() {
        assertThat(Terminals.console(null)).isFalse();
    }
}
