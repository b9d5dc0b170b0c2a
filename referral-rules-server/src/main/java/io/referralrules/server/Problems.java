package io.referralrules.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Error answers of the service as {@code application/problem+json} (RFC 9457): {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance} (the request's path), and for invalid input {@code path}, the JSON
 * path of the bad value. Details never carry free text from a request (ids, dates, enum names and numbers only) and
 * never a stack trace.
 *
 * <pre>{@code
 * Problems.write(response, 403, "Forbidden", "the credential is not for the tenant named in Referral-Tenant");
 * }</pre>
 */
public final class Problems {
    /** The service's own paths, which a problem's instance and the request log may name as they are. */
    private static final java.util.regex.Pattern OWN_PATH = java.util.regex.Pattern.compile(
            "/v1/(assessments|assessments:batch|records|records:replay|playbooks)|/actuator(/[A-Za-z0-9._-]+)*|/v3/api-docs(\\.yaml)?(/[A-Za-z0-9._-]+)*");

    /**
     * The request's path when it is one of the service's own, else {@code (another path)}: a path is the caller's text,
     * which may hold anything (a name, an e-mail address), so no other path is repeated in an answer or a log line.
     */
    public static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path != null && OWN_PATH.matcher(path).matches() ? path : "(another path)";
    }

    /** The media type of every error answer. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final JsonFactory JSON = new JsonFactory();

    private Problems() {
    }

    /**
     * Writes a problem answer (type {@code about:blank}, no JSON path) to the response, replacing anything buffered.
     * Does nothing if the response is already committed.
     *
     * @param status the HTTP status
     * @param title  a short, fixed summary of the kind of problem (e.g. {@code "Unauthorized"})
     * @param detail what went wrong for this request; never free text from the request
     */
    public static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        of(status, title, detail).write(response, null);
    }

    /**
     * Writes a problem answer like {@link #write(HttpServletResponse, int, String, String)}, with the request's path
     * as {@code instance}.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                             String detail) throws IOException {
        of(status, title, detail).write(response, request);
    }

    /** A problem with type {@code about:blank}, no instance and no JSON path; see {@link Problem}'s withers. */
    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    /**
     * One problem answer.
     *
     * @param type     a URI naming the kind of problem, {@code about:blank} when the status says it all
     * @param title    a short, fixed summary of the kind of problem
     * @param status   the HTTP status
     * @param detail   what went wrong for this request (never free text from the request)
     * @param instance the request's path, or null
     * @param path     the JSON path of the bad input (400s), or null
     */
    public record Problem(String type, String title, int status, String detail, String instance, String path) {
        /** Checks the required parts. */
        public Problem {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(detail, "detail");
        }

        /** This problem for the given request path. */
        public Problem withInstance(String newInstance) {
            return new Problem(type, title, status, detail, newInstance, path);
        }

        /** This problem naming the JSON path of the bad input. */
        public Problem withPath(String newPath) {
            return new Problem(type, title, status, detail, instance, newPath);
        }

        /** This problem with another type URI. */
        public Problem withType(String newType) {
            return new Problem(newType, title, status, detail, instance, path);
        }

        /** The JSON document, UTF-8, keys in the order of RFC 9457's examples. */
        public byte[] toJson() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("type", type);
                g.writeStringField("title", title);
                g.writeNumberField("status", status);
                g.writeStringField("detail", detail);
                if (instance != null) {
                    g.writeStringField("instance", instance);
                }
                if (path != null) {
                    g.writeStringField("path", path);
                }
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.write('\n');
            return out.toByteArray();
        }

        /**
         * Writes this problem as the response: status, {@code application/problem+json}, the document; the instance
         * is the request's path ({@link #pathOf}) when this problem has none and a request is given. Does nothing if the response is
         * already committed (the caller then closes the connection).
         */
        public void write(HttpServletResponse response, HttpServletRequest request) throws IOException {
            if (response.isCommitted()) {
                return;
            }
            Problem answer = instance == null && request != null ? withInstance(pathOf(request)) : this;
            byte[] body = answer.toJson();
            response.resetBuffer();
            response.setStatus(status);
            response.setContentType(MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        }
    }
}
