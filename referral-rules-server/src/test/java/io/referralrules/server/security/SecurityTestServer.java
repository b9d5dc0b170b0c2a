package io.referralrules.server.security;

import io.referralrules.server.ReadinessServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service started on a random port for the security tests, with the tenants {@code acme} and
 * {@code globex} and their API keys {@link #ACME_KEY} and {@link #GLOBEX_KEY}; requests over real HTTP.
 */
final class SecurityTestServer implements AutoCloseable {
    static final String ACME_KEY = "acme-test-key-1";
    static final String GLOBEX_KEY = "globex-test-key-1";

    private final ConfigurableApplicationContext context;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    private SecurityTestServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts the service with the two tenants, their keys and the given extra properties ({@code name=value}). */
    static SecurityTestServer start(String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--referral-rules.tenants.acme.playbook=earned-trust",
                "--referral-rules.tenants.globex.playbook=post-sale-momentum",
                "--referral-rules.security.api-keys.acme[0]=" + ApiKeys.digestHex(ACME_KEY),
                "--referral-rules.security.api-keys.globex[0]=" + ApiKeys.digestHex(GLOBEX_KEY)));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SecurityTestServer(SpringApplication.run(ReadinessServer.class, args.toArray(String[]::new)));
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** GET of the path with the given request headers (name, value, name, value...). */
    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    /** POST of a JSON body to the path with the given request headers. */
    HttpResponse<String> post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, List<String>> headers(HttpResponse<?> response) {
        return response.headers().map();
    }

    @Override
    public void close() {
        context.close();
    }
}
