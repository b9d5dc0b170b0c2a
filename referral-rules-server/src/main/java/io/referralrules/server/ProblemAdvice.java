package io.referralrules.server;

import io.referralrules.api.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure of a request as {@code application/problem+json}: the JSON path of invalid input (400), a body too
 * large (413), a wrong content type (415), an {@code Accept} that cannot be met (406). Never a stack trace, never free
 * text from the request; an unexpected failure is logged with its stack trace and answered with a plain 500.
 */
@RestControllerAdvice
class ProblemAdvice {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    void problem(ProblemException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        e.problem().write(response, request);
    }

    @ExceptionHandler(InvalidInputException.class)
    void invalid(InvalidInputException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the message names the source ("body"), the JSON path and the problem; the contract never repeats free text
        Problems.of(400, "Bad Request", e.getMessage()).withPath(e.path()).write(response, request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Problems.of(415, "Unsupported Media Type", "the body must be " + e.getSupportedMediaTypes().stream()
                .map(Object::toString).reduce((a, b) -> a + " or " + b).orElse("of another type"))
                .write(response, request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Problems.of(406, "Not Acceptable", "the answer is " + e.getSupportedMediaTypes().stream()
                .map(Object::toString).reduce((a, b) -> a + " or " + b).orElse("of another type")
                + " (or application/problem+json); the Accept header does not allow it").write(response, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Problems.of(405, "Method Not Allowed", "the method " + e.getMethod() + " is not allowed here")
                .write(response, request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    void notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Problems.of(404, "Not Found", "no such endpoint").write(response, request);
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            // an answer already under way (a batch) cannot become a problem; the client sees the stream end
            LOG.warn("{} {} failed after the answer started: {}", request.getMethod(), Problems.pathOf(request),
                    e.getClass().getSimpleName());
            return;
        }
        LOG.error("{} {} failed", request.getMethod(), Problems.pathOf(request), e);
        Problems.of(500, "Internal Server Error", "the request could not be answered").write(response, request);
    }
}
