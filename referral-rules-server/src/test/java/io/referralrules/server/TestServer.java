package io.referralrules.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started on a random port with its bundled sample tenants ({@code acme}, {@code globex}) and the demo
 * key of each; requests over real HTTP with {@link java.net.http.HttpClient}.
 */
final class TestServer implements AutoCloseable {
    static final String ACME_KEY = "acme-demo-key-0001";
    static final String GLOBEX_KEY = "globex-demo-key-0001";
    /** docs/schema/examples, from the module's directory. */
    static final Path EXAMPLES = Path.of("..", "docs", "schema", "examples");

    private final ConfigurableApplicationContext context;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    private TestServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts the service with application.yml's tenants and keys, and the given properties ({@code name=value}). */
    static TestServer start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new TestServer(SpringApplication.run(ReadinessServer.class, args.toArray(String[]::new)));
    }

    static String example(String name) {
        try {
            return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    int port() {
        return base.getPort();
    }

    /** A request to the path with acme's demo key, before its method and body. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("X-Api-Key", ACME_KEY);
    }

    /** POST of a JSON body with acme's key, plus the given headers (name, value, ...), which may replace the key. */
    HttpResponse<byte[]> postJson(String path, String json, String... headers) {
        return send(withHeaders(request(path).header("Content-Type", "application/json"), headers)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** POST of an NDJSON body with acme's key, sent in chunks (no Content-Length). */
    HttpResponse<byte[]> postNdjsonChunked(String path, byte[] body, String... headers) {
        return send(withHeaders(request(path).header("Content-Type", "application/x-ndjson"), headers)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    /** GET with acme's key, plus the given headers. */
    HttpResponse<byte[]> get(String path, String... headers) {
        return send(withHeaders(request(path), headers).GET().build());
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
    }
}
