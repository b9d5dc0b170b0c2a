package io.referralrules.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the commands write: a file, or standard output (which closing leaves open). */
final class Outputs {
    private Outputs() {
    }

    static Writer writer(Path output) throws IOException {
        if (output == null) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    }

    /** The same place as bytes: a buffered file, or standard output (which closing flushes and leaves open). */
    static OutputStream stream(Path output) throws IOException {
        if (output == null) {
            return new BufferedOutputStream(System.out, 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
    }
}
