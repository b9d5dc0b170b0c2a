package io.referralrules.engine.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Fact ids as the answers cite them. */
public final class Ids {
    private Ids() {
    }

    /** The ids as strings, in a stable order. */
    public static List<String> sorted(List<?> ids) {
        List<String> out = new ArrayList<>(ids.size());
        for (Object id : ids) {
            out.add(String.valueOf(id));
        }
        Collections.sort(out);
        return out;
    }

    /** {@code ids} followed by {@code last}: the evidence of a rule that matched several facts and one more. */
    public static List<Object> with(List<?> ids, Object last) {
        List<Object> out = new ArrayList<>(ids.size() + 1);
        out.addAll(ids);
        out.add(last);
        return out;
    }
}
