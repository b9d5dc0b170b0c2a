package io.referralrules.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where a batch's answers wait for a client that does not read them yet (prefix {@code referral-rules}, beside
 * {@link ServerProperties}): see {@link SpoolingOutput}.
 *
 * <pre>{@code
 * referral-rules:
 *   max-batch-spool-bytes: 2GB
 *   batch-spool-directory: /var/tmp/referral-rules
 * }</pre>
 *
 * @param maxBatchSpoolBytes  the largest spool of one batch: an answer that would go over it ends the batch with an
 *                            error line
 * @param batchSpoolDirectory the folder of the spool files (default: {@code java.io.tmpdir}); it must exist at start
 */
@ConfigurationProperties("referral-rules")
record BatchSpoolProperties(@DefaultValue("2GB") DataSize maxBatchSpoolBytes, Path batchSpoolDirectory) {

    BatchSpoolProperties {
        if (batchSpoolDirectory == null) {
            batchSpoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        }
        if (!Files.isDirectory(batchSpoolDirectory)) {
            throw new IllegalArgumentException("referral-rules.batch-spool-directory is not a folder: "
                    + batchSpoolDirectory);
        }
        if (maxBatchSpoolBytes.toBytes() < 0) {
            throw new IllegalArgumentException("referral-rules.max-batch-spool-bytes must not be negative, was "
                    + maxBatchSpoolBytes);
        }
    }
}
