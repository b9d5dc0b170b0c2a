package io.referralrules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One DRL file of the host's own rules, added to a playbook with {@link Playbook#withHostRules} and compiled by the
 * optional module {@code referral-rules-host-rules}. Its {@code name} is what compile errors cite
 * ({@code name:line: message}), so give it the file's path.
 *
 * <p>Host DRL is trusted code: a rule's consequence is Java and runs with the host application's permissions. Load it
 * only from the host's own developers (its source tree, its release), never from end users or tenants.
 *
 * <pre>{@code
 * RuleSource fromJar  = RuleSource.classpath("com/acme/rules/regulated.drl");
 * RuleSource fromDisk = RuleSource.file(Path.of("rules/extra-warnings.drl"));
 * RuleSource inline   = RuleSource.of("inline.drl", "package com.acme.rules; ...");
 * }</pre>
 *
 * @param name the file name errors cite
 * @param drl  the DRL text
 */
public record RuleSource(String name, String drl) {
    public RuleSource {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("RuleSource.name must not be blank, was " + (name == null ? "null" : "'" + name + "'"));
        }
        Objects.requireNonNull(drl, "drl");
    }

    /** DRL given as text. */
    public static RuleSource of(String name, String drl) {
        return new RuleSource(name, drl);
    }

    /** A DRL file read now, as UTF-8; errors cite its path as given. */
    public static RuleSource file(Path path) {
        Objects.requireNonNull(path, "path");
        try {
            return new RuleSource(path.toString().replace('\\', '/'), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read host rules " + path, e);
        }
    }

    /** A DRL resource on the class path of this library's class loader, read now, as UTF-8. */
    public static RuleSource classpath(String resource) {
        return classpath(resource, RuleSource.class.getClassLoader());
    }

    /** A DRL resource on the given class loader's class path, read now, as UTF-8. */
    public static RuleSource classpath(String resource, ClassLoader loader) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(loader, "loader");
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no rule resource '" + path + "' on the class path");
            }
            return new RuleSource(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule resource " + path, e);
        }
    }
}
