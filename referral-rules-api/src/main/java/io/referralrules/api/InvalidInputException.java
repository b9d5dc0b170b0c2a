package io.referralrules.api;

import java.util.Objects;

/**
 * Input that cannot be true: a threshold out of range, a key a policy file does not know, a value of the wrong type.
 * The message names where the bad value is and what is wrong with it; {@link #path()} and {@link #problem()} give
 * the two parts separately, for a host that shows them in its own screens.
 *
 * <pre>{@code
 * try {
 *     policy = PolicyJson.read(Path.of("tenants/acme.json"), Playbook.EARNED_TRUST.defaults());
 * } catch (InvalidInputException e) {
 *     e.getMessage();  // tenants/acme.json: $.askCoolDownDays must not be negative, was -5
 *     e.path();        // $.askCoolDownDays
 *     e.problem();     // must not be negative, was -5
 * }
 * }</pre>
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    /**
     * @param message the whole message, naming the source, the path and the problem
     * @param path    where the bad value is: a field name, or a JSON path such as {@code $.mandatoryTrustBuilders[1]}
     * @param problem what is wrong, with the bad value
     */
    public InvalidInputException(String message, String path, String problem) {
        super(Objects.requireNonNull(message, "message"));
        this.path = Objects.requireNonNull(path, "path");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** Where the bad value is: a field name or a JSON path. */
    public String path() {
        return path;
    }

    /** What is wrong with it, including the bad value. */
    public String problem() {
        return problem;
    }
}
