package io.referralrules.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Whether standard error is a terminal, which decides whether the progress bar shows (unless {@code --progress} or
 * {@code --no-progress} says). Java has no {@code isatty}, and {@link System#console()} answers for standard input and
 * output, not standard error (and from JDK 22 it returns a console even when neither is a terminal), so this looks at
 * standard error itself where the system shows it:
 *
 * <ul>
 *   <li>on Linux, {@code /proc/self/fd/2} is a link to what is behind standard error: a terminal is {@code /dev/pts/N},
 *       {@code /dev/ttyX} or {@code /dev/console}; a pipe ({@code pipe:[N]}), a socket, a file or {@code /dev/null} is
 *       not;</li>
 *   <li>where that link cannot be read (macOS, Windows, a system without {@code /proc}), the JDK's console decides: before
 *       JDK 22 {@code System.console()} exists only when standard input and output are both terminals, from JDK 22
 *       {@code Console.isTerminal()} says the same. That is about input and output, so there a run whose input or
 *       output is piped shows no bar unless {@code --progress} asks for it.</li>
 * </ul>
 *
 * Nothing here throws: whatever cannot be found out counts as "not a terminal", and the bar stays off.
 */
final class Terminals {
    /** Linux's link to the process's standard error. */
    static final Path STANDARD_ERROR = Path.of("/proc/self/fd/2");

    private Terminals() {
    }

    /** Whether this process's standard error is a terminal. */
    static boolean standardError() {
        return isTerminal(STANDARD_ERROR, Terminals::console);
    }

    /**
     * Whether the link {@code fd} (a {@code /proc/self/fd/N} entry) leads to a terminal; {@code otherwise} decides when
     * it cannot be read (missing, not a link, not allowed).
     */
    static boolean isTerminal(Path fd, BooleanSupplier otherwise) {
        String target;
        try {
            target = Files.readSymbolicLink(fd).toString();
        } catch (IOException | RuntimeException e) {
            try {
                return otherwise.getAsBoolean();
            } catch (RuntimeException fallbackFailed) {
                return false;
            }
        }
        return isTerminalDevice(target);
    }

    /** Whether a {@code /proc/self/fd/N} link's target is a terminal device. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    /** The JDK's console as a stand-in: whether standard input and output are terminals. */
    static boolean console() {
        return console(System.console());
    }

    static boolean console(Console console) {
        if (console == null) {
            return false;
        }
        Method isTerminal;
        try {
            isTerminal = Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException beforeJdk22) {
            return true;                // before JDK 22 there is a console only when standard input and output are terminals
        }
        try {
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
