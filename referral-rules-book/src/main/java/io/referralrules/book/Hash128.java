package io.referralrules.book;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The first 128 bits of a SHA-256, as two longs: what a {@link BookState} keeps of a snapshot's fingerprint and of an
 * answer's {@linkplain io.referralrules.api.ReadinessAssessment.Answer#digest() digest}. Two different inputs share
 * them with a chance of 2<sup>-128</sup>.
 *
 * @param hi the first 64 bits
 * @param lo the next 64 bits
 */
record Hash128(long hi, long lo) {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    /** The first 128 bits of the SHA-256 of these bytes. */
    static Hash128 sha256(byte[] bytes) {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        ByteBuffer hash = ByteBuffer.wrap(sha.digest(bytes));
        return new Hash128(hash.getLong(), hash.getLong());
    }

    /** The first 128 bits of the SHA-256 of this text's UTF-8 bytes. */
    static Hash128 sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first 128 bits of a hash given in hex (at least 32 hex digits, as {@code Answer.digest()} gives 64). */
    static Hash128 ofHex(String hex) {
        if (hex.length() < 32) {
            throw new IllegalArgumentException("a digest needs at least 32 hex digits, had " + hex.length());
        }
        return new Hash128(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
    }

    /** 32 lower-case hex digits. */
    String hex() {
        return HexFormat.of().toHexDigits(hi) + HexFormat.of().toHexDigits(lo);
    }
}
