package io.referralrules.book;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window's search, eight bytes at a time, against a byte-by-byte search of the same data. */
class ByteWindowTest {
    private static final long SEED = Long.getLong("referralrules.seed", new SplittableRandom().nextLong());

    /** A stream that gives at most a few bytes a read, so the window fills in odd steps. */
    private static InputStream trickling(byte[] data, SplittableRandom random) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(20_000)));
            }
        };
    }

    @Test
    void findGivesTheFirstMatchOrTheLimitOrTheEnd() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int round = 0; round < 300; round++) {
            byte[] data = new byte[random.nextInt(200_000)];
            int alphabet = 1 + random.nextInt(256);
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (random.nextInt(alphabet) + (random.nextInt(10) == 0 ? 0x80 : 0));
            }
            int target = random.nextInt(10) == 0 ? 0x80 + random.nextInt(128) : random.nextInt(alphabet);
            ByteWindow window = new ByteWindow(trickling(data, random), random.nextBoolean());
            long from = 0;
            while (from <= data.length) {
                long limit = from + random.nextInt(30_000);
                long end = Math.min(limit, data.length);
                long expected = from;
                while (expected < end && (data[(int) expected] & 0xFF) != target) {
                    expected++;
                }
                if (expected == end) {
                    expected = data.length >= limit ? limit : data.length;   // no match: the limit, or the end of the data before it
                }
                assertThat(window.find(target, from, limit)).as("seed %d, round %d, target %d from %d to %d", SEED, round, target, from,
                        limit).isEqualTo(expected);
                window.keepFrom(from);
                from = expected + 1;
            }
        }
    }

    @Test
    void aWindowThatDoesNotCountLinesSaysSoWhenAsked() {
        ByteWindow window = new ByteWindow(new ByteArrayInputStream(new byte[] {'a', '\n', 'b'}), false);

        assertThatThrownBy(() -> window.lineAt(2)).isInstanceOf(IllegalStateException.class).hasMessage("this window does not count lines");
    }
}
