package io.referralrules.flink;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.json.ReferralJson;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes a {@link CustomerState} in a documented, versioned format ({@code docs/flink.md}, "State format"), so that a
 * savepoint taken by this version restores in the next. Format 1, in Flink's big-endian {@code DataOutput} encoding:
 * <ol>
 *   <li>{@code byte} format version, {@value #FORMAT};</li>
 *   <li>{@code int} length in bytes of the snapshot, {@code -1} when there is none, then the snapshot as an NDJSON book
 *       entry of the JSON contract ({@link ReferralJson#writeBookEntry}), UTF-8;</li>
 *   <li>{@code boolean} whether a digest follows, then the digest (64 lower-case hex characters) as modified
 *       UTF-8 ({@code writeUTF});</li>
 *   <li>{@code long} the revisit timer's time in epoch milliseconds, {@link CustomerState#NO_TIMER} for none;</li>
 *   <li>{@code long} the last assessment day as an epoch day, {@code Long.MIN_VALUE} for none.</li>
 * </ol>
 * Every value starts with its format version, so a later serializer reads every earlier format as it is; the
 * serializer's snapshot ({@link Snapshot}) carries the version too.
 */
public final class CustomerStateSerializer extends TypeSerializer<CustomerState> {
    private static final long serialVersionUID = 1L;
    /** The format this serializer writes. */
    public static final byte FORMAT = 1;
    /** The shared instance: the serializer has no state. */
    public static final CustomerStateSerializer INSTANCE = new CustomerStateSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<CustomerState> duplicate() {
        return this;
    }

    @Override
    public CustomerState createInstance() {
        return CustomerState.EMPTY;
    }

    @Override
    public CustomerState copy(CustomerState from) {
        return from;
    }

    @Override
    public CustomerState copy(CustomerState from, CustomerState reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(CustomerState state, DataOutputView out) throws IOException {
        out.writeByte(FORMAT);
        if (state.snapshot() == null) {
            out.writeInt(-1);
        } else {
            byte[] json = ReferralJson.writeBookEntry(state.snapshot()).getBytes(StandardCharsets.UTF_8);
            out.writeInt(json.length);
            out.write(json);
        }
        out.writeBoolean(state.digest() != null);
        if (state.digest() != null) {
            out.writeUTF(state.digest());
        }
        out.writeLong(state.timer());
        out.writeLong(state.lastAsOf() == null ? Long.MIN_VALUE : state.lastAsOf().toEpochDay());
    }

    @Override
    public CustomerState deserialize(DataInputView in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("customer state format " + format + " is not known to this version (it reads 1 to " + FORMAT + ")");
        }
        int length = in.readInt();
        CustomerSnapshot snapshot = null;
        if (length >= 0) {
            byte[] json = new byte[length];
            in.readFully(json);
            snapshot = ReferralJson.readBookEntry(json, "customer state");
        }
        String digest = in.readBoolean() ? in.readUTF() : null;
        long timer = in.readLong();
        long day = in.readLong();
        return new CustomerState(snapshot, digest, timer, day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day));
    }

    @Override
    public CustomerState deserialize(CustomerState reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof CustomerStateSerializer;
    }

    @Override
    public int hashCode() {
        return CustomerStateSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<CustomerState> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * The serializer's snapshot in a savepoint: version {@value CustomerStateSerializer#FORMAT}, no configuration. A
     * serializer restored from any version reads every format up to its own.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<CustomerState> {
        private int readVersion = FORMAT;

        /** For Flink, which creates snapshots by reflection. */
        public Snapshot() {
        }

        @Override
        public int getCurrentVersion() {
            return FORMAT;
        }

        /** The version this snapshot was read as (the version that wrote the savepoint). */
        public int readVersion() {
            return readVersion;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {
            // no configuration: the format is fixed by the version
        }

        @Override
        public void readSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
            if (version < 1 || version > FORMAT) {
                throw new IOException("customer state serializer version " + version + " is not known to this version (it reads 1 to " + FORMAT + ")");
            }
            readVersion = version;
        }

        @Override
        public TypeSerializer<CustomerState> restoreSerializer() {
            return INSTANCE;
        }

        @Override
        public TypeSerializerSchemaCompatibility<CustomerState> resolveSchemaCompatibility(
                TypeSerializerSnapshot<CustomerState> oldSerializerSnapshot) {
            return oldSerializerSnapshot instanceof Snapshot
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
