package io.referralrules.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The configured API keys: per tenant, SHA-256 digests of the keys, never the keys themselves. A presented key is
 * hashed and compared with every digest in constant time (no early exit), so the time taken says nothing about how
 * close a guess came nor which tenant it matched.
 */
final class ApiKeys {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final List<Entry> entries;

    private record Entry(String tenant, byte[] digest) {
    }

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Checks and takes the configured digests.
     *
     * @throws IllegalStateException naming the tenant and the entry's index (never its value) when an entry is not
     *                               64 hex characters, or a digest is given for two tenants
     */
    static ApiKeys of(Map<String, List<String>> digestsByTenant) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> tenantByDigest = new TreeMap<>();
        new TreeMap<>(digestsByTenant).forEach((tenant, digests) -> {
            List<String> values = digests == null ? List.of() : digests;
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i) == null ? "" : values.get(i).strip();
                String property = "referral-rules.security.api-keys." + tenant + "[" + i + "]";
                if (!SHA256_HEX.matcher(value).matches()) {
                    throw new IllegalStateException(property + " (tenant '" + tenant
                            + "') is not a SHA-256 digest: 64 hex characters expected (the value is not shown;"
                            + " store the digest of a key, never the key)");
                }
                String hex = value.toLowerCase(java.util.Locale.ROOT);
                String other = tenantByDigest.putIfAbsent(hex, tenant);
                if (other != null) {
                    throw new IllegalStateException(property + " (tenant '" + tenant
                            + "') is the digest of a key already given for tenant '" + other
                            + "': a key acts for one tenant only");
                }
                entries.add(new Entry(tenant, HexFormat.of().parseHex(hex)));
            }
        });
        return new ApiKeys(entries);
    }

    /** The tenant the key acts for, if it is one of the configured keys. */
    Optional<String> tenantOf(String key) {
        byte[] digest = sha256(key);
        String tenant = null;
        for (Entry entry : entries) {
            // every entry is compared, matched or not: no early exit
            boolean match = MessageDigest.isEqual(entry.digest(), digest);
            if (match && tenant == null) {
                tenant = entry.tenant();
            }
        }
        return Optional.ofNullable(tenant);
    }

    /** How many tenants have at least one key. */
    int tenantCount() {
        return (int) entries.stream().map(Entry::tenant).distinct().count();
    }

    /** The SHA-256 digest of a key as configuration stores it: 64 lower-case hex characters. */
    static String digestHex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
