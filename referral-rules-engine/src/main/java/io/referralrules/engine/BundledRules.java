package io.referralrules.engine;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/**
 * The bundled earned-trust rules, precompiled to the executable model at build time and loaded once per class
 * loader. A KieBase is thread-safe, so every engine shares this one whatever its policy.
 */
final class BundledRules {
    static final String KIE_BASE_NAME = "io.referralrules.earned-trust";

    private BundledRules() {
    }

    private static final class Holder {
        static final KieBase KIE_BASE = load();
    }

    static KieBase kieBase() {
        return Holder.KIE_BASE;
    }

    private static KieBase load() {
        KieContainer container = KieServices.get().newKieClasspathContainer(BundledRules.class.getClassLoader());
        return container.getKieBase(KIE_BASE_NAME);
    }
}
