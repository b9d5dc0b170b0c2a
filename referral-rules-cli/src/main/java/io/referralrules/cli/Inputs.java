package io.referralrules.cli;

import io.referralrules.api.ReadinessPolicy;
import io.referralrules.book.BookFile;
import io.referralrules.json.PolicyJson;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What the commands read, opened the same way by each: the book (a file or standard input) and policy files. */
final class Inputs {
    private Inputs() {
    }

    /**
     * The book: {@code -} for NDJSON on standard input (left open when the book is closed), else the file, whose name
     * decides the format.
     */
    static BookFile openBook(String book, InputStream stdin, long maxEntryBytes) throws IOException {
        if (book.equals("-")) {
            return BookFile.open("-", new FilterInputStream(stdin) {
                @Override
                public void close() {
                    // standard input stays open
                }
            }, maxEntryBytes);
        }
        try {
            InputStream in = Files.newInputStream(Path.of(book));
            return BookFile.open(book, in, maxEntryBytes);
        } catch (IOException e) {
            throw naming(book, e);
        }
    }

    /** A policy file's thresholds over the playbook's defaults. */
    static ReadinessPolicy readPolicy(Path file, ReadinessPolicy defaults) throws IOException {
        try {
            return PolicyJson.read(file, defaults);
        } catch (IOException e) {
            throw naming(file.toString(), e);
        }
    }

    /**
     * A failed read that names the file it failed on: the system's own exception does for a missing file, but reading
     * a folder, say, fails with the reason only ("Is a directory").
     */
    static IOException naming(String file, IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return e;
        }
        FileSystemException named = new FileSystemException(file, null, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        named.initCause(e);
        return named;
    }

    /** What could not be read and why: the file once, then the system's reason. */
    static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (cause instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + Outputs.reason(f);
        }
        return e.getMessage();
    }
}
