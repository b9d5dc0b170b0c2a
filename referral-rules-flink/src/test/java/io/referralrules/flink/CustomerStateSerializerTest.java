package io.referralrules.flink;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.book.SampleBook;
import io.referralrules.json.ReferralJson;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The state format ({@code docs/flink.md}): values round-trip, the bytes format 1 wrote are read back as they were
 * (a savepoint of this version restores in the next), the serializer's snapshot carries its version.
 */
class CustomerStateSerializerTest {
    private static final CustomerStateSerializer SERIALIZER = CustomerStateSerializer.INSTANCE;
    /** Written by format 1 from the snapshot beside it, a digest, a timer and a day; never regenerated. */
    private static final String FORMAT_1 = "/state/customer-state-format-1.bin";
    private static final String FORMAT_1_SNAPSHOT = "/state/customer-state-format-1.snapshot.json";

    @Test
    void everyStateRoundTrips() throws IOException {
        long seed = Clusters.seed(5);
        List<CustomerSnapshot> book = new SampleBook(seed, LocalDate.of(2026, 6, 15)).customers(SampleBook.ARCHETYPES).toList();
        for (CustomerSnapshot snapshot : book) {
            for (CustomerState state : List.of(new CustomerState(snapshot, "ab".repeat(32), 1_781_481_600_000L, LocalDate.of(2026, 6, 15)),
                    new CustomerState(snapshot, null, CustomerState.NO_TIMER, null), CustomerState.EMPTY)) {
                assertThat(roundTrip(state)).as("seed %d", seed).isEqualTo(state);
            }
        }
    }

    @Test
    void theBytesOfFormat1ReadAsTheyWereWritten() throws IOException {
        CustomerSnapshot snapshot = ReferralJson.readBookEntry(resource(FORMAT_1_SNAPSHOT), FORMAT_1_SNAPSHOT);
        CustomerState expected = new CustomerState(snapshot, "0123456789abcdef".repeat(4), 1_781_568_000_000L, LocalDate.of(2026, 6, 15));
        byte[] bytes = bytes(FORMAT_1);
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(SERIALIZER.deserialize(new DataInputDeserializer(bytes))).isEqualTo(expected);
        assertThat(serialize(expected)).as("this version still writes format 1").isEqualTo(bytes);
    }

    @Test
    void anUnknownFormatIsRefusedNamingIt() {
        assertThatThrownBy(() -> SERIALIZER.deserialize(new DataInputDeserializer(new byte[] {9, 0, 0, 0, 0})))
                .isInstanceOf(IOException.class).hasMessageContaining("format 9");
    }

    @Test
    void theSerializersSnapshotCarriesItsVersionAndRestoresACompatibleSerializer() throws IOException {
        TypeSerializerSnapshot<CustomerState> written = SERIALIZER.snapshotConfiguration();
        assertThat(written.getCurrentVersion()).isEqualTo(1);
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, written);
        TypeSerializerSnapshot<CustomerState> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(read).isInstanceOf(CustomerStateSerializer.Snapshot.class);
        assertThat(((CustomerStateSerializer.Snapshot) read).readVersion()).isEqualTo(1);
        assertThat(read.restoreSerializer()).isEqualTo(SERIALIZER);
        TypeSerializerSchemaCompatibility<CustomerState> compatibility =
                SERIALIZER.snapshotConfiguration().resolveSchemaCompatibility(read);
        assertThat(compatibility.isCompatibleAsIs()).isTrue();
    }

    private static CustomerState roundTrip(CustomerState state) throws IOException {
        return SERIALIZER.deserialize(new DataInputDeserializer(serialize(state)));
    }

    private static byte[] serialize(CustomerState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        SERIALIZER.serialize(state, out);
        return out.getCopyOfBuffer();
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(CustomerStateSerializerTest.class.getResourceAsStream(name), name)) {
            return in.readAllBytes();
        }
    }

    private static String resource(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8).strip();
    }
}
