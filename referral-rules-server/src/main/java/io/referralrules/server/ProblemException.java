package io.referralrules.server;

/** Ends a request with a problem answer; {@link ProblemAdvice} writes it. */
final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problems.Problem problem;

    ProblemException(Problems.Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    ProblemException(int status, String title, String detail) {
        this(Problems.of(status, title, detail));
    }

    Problems.Problem problem() {
        return problem;
    }
}
