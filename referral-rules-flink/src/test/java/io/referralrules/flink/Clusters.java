package io.referralrules.flink;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster the job's tests run on: one task manager with two slots (CI has two cores). */
final class Clusters {
    private Clusters() {
    }

    static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .build());
    }

    /** The seed of a generated test: {@code -Dreferralrules.seed=N}, else the given default. */
    static long seed(long fallback) {
        String given = System.getProperty("referralrules.seed");
        return given == null ? fallback : Long.parseLong(given);
    }
}
