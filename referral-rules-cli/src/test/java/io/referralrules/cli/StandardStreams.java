package io.referralrules.cli;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The command line's standard streams around each test: standard error (and, unless told otherwise, standard output)
 * written to memory, and all three of {@code System.in}, {@code out} and {@code err} put back afterwards, whatever the
 * test set them to. Register with {@code @RegisterExtension final StandardStreams streams = StandardStreams.captured();}.
 */
final class StandardStreams implements BeforeEachCallback, AfterEachCallback {
    private final boolean captureOut;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private InputStream oldIn;
    private PrintStream oldOut;
    private PrintStream oldErr;

    private StandardStreams(boolean captureOut) {
        this.captureOut = captureOut;
    }

    /** Standard output and standard error both captured. */
    static StandardStreams captured() {
        return new StandardStreams(true);
    }

    /** Standard error captured; standard output left to the test (and restored after it). */
    static StandardStreams errorCaptured() {
        return new StandardStreams(false);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        oldIn = System.in;
        oldOut = System.out;
        oldErr = System.err;
        System.setErr(errStream);
        if (captureOut) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setIn(oldIn);
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    /** What was written to standard output (when captured). */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what standard output has had so far. */
    void resetOut() {
        out.reset();
    }

    /** What was written to standard error. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The stream standard error is captured in, for a test that hands the command line its streams itself. */
    PrintStream errStream() {
        return errStream;
    }
}
