package org.crmkit.consent;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.common.CrmException;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;

/**
 * Issues the text of an {@link UnsubscribeToken} that a message carries in its unsubscribe link,
 * and verifies such a text back into the token: a forged, altered, expired, malformed or oversized
 * text, one signed with a key the {@link SigningKeys ring} does not (or no longer) accept, and one
 * of another tenant are refused with a {@link ValidationException} naming the field {@code token}
 * (its value shortened; a secret is never shown).
 *
 * <h2>Format</h2>
 * The text is the URL-safe Base64 (RFC 4648 §5, no padding) of
 * {@code version(1) | keyIdLength(1) | keyId | iv(16) | ciphertext | mac(32)}: version 1, the id of
 * the signing key in clear (so a verifier picks the right key after a rotation), a random IV, the
 * encrypted payload (client and contact person ids, channel, purpose, address, mailing, issue
 * second) and an HMAC-SHA256 over everything before it. It is at most {@link #MAX_LENGTH}
 * characters; a typical one (an e-mail address of 25 characters) is about 170.
 *
 * <h2>Crypto, and why this one</h2>
 * <ul>
 * <li><b>Keys per tenant and key.</b> From the secret of a {@link SigningKey} two 256-bit keys are
 * derived with HKDF-SHA256 (RFC 5869; salt a fixed label of this format, info {@code "enc"} or
 * {@code "mac"} and the tenant key): one for encryption, one for the MAC. A token of tenant A
 * therefore fails the MAC under tenant B's keys even where the host gives every tenant the same
 * ring, and the tenant need not be written in the token at all.</li>
 * <li><b>Encrypt-then-MAC with AES-256-CTR and HMAC-SHA256.</b> The payload is encrypted so that
 * neither the address nor the client id can be read off a link (a forwarded mail, a proxy log);
 * the MAC over version, key id, IV and ciphertext is checked, in constant time, before anything is
 * decrypted. AES-GCM would have been the other choice, but its tag is a GHASH, not the HMAC-SHA256
 * the issue asks for, and it would have needed a second tag beside the HMAC; CTR with a random
 * 128-bit IV under a per-tenant key needs no nonce bookkeeping (an IV collision, after about 2^64
 * tokens of one tenant and key, would only reveal the XOR of two payloads, never allow a forgery).
 * Both primitives are in every JDK ({@code javax.crypto}); nothing else is needed.</li>
 * <li><b>Expiry.</b> The issue second is inside the authenticated payload; a token is refused once
 * its lifetime (given when this is built) has passed, whatever key signed it. A token signed with
 * a retired key is refused from the key's grace end on, even if its lifetime has not passed.</li>
 * </ul>
 * Identical inputs give different texts (the IV is random), so a text says nothing about whether
 * two links go to the same person.
 */
public final class UnsubscribeTokens {
    /** The longest text accepted; longer input is refused before it is decoded. */
    public static final int MAX_LENGTH = 640;
    private static final int VERSION = 1;
    private static final int PAYLOAD_FORMAT = 1;
    private static final int IV_BYTES = 16;
    private static final int MAC_BYTES = 32;
    private static final int MIN_BYTES = 1 + 1 + 1 + IV_BYTES + 1 + MAC_BYTES;
    private static final byte[] HKDF_SALT = "crmkit unsubscribe token v1".getBytes(StandardCharsets.US_ASCII);

    private final Function<TenantId, Optional<SigningKeys>> rings;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private UnsubscribeTokens(Function<TenantId, Optional<SigningKeys>> rings, Duration lifetime, Clock clock) {
        this.rings = rings;
        this.lifetime = ValidationException.required(lifetime, "lifetime");
        this.clock = ValidationException.required(clock, "clock");
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(3660)) > 0) {
            throw new ValidationException("lifetime", lifetime, "must be positive and at most ten years");
        }
    }

    /**
     * Tokens of every tenant under one ring (the host's own secret); each tenant still gets its
     * own derived keys. {@code lifetime} is how long a token works after it was issued (a mailing's
     * links are usually kept working for months: 60 days is what large senders are asked for).
     */
    public static UnsubscribeTokens of(SigningKeys keys, Duration lifetime, Clock clock) {
        ValidationException.required(keys, "keys");
        return new UnsubscribeTokens(tenant -> Optional.of(keys), lifetime, clock);
    }

    /**
     * Tokens under a ring per tenant (each tenant's own secret), for a host that keeps secrets per
     * tenant: {@code keys} answers a tenant's ring, or empty for a tenant without one (then its
     * tokens can neither be issued nor verified).
     */
    public static UnsubscribeTokens perTenant(Function<TenantId, Optional<SigningKeys>> keys, Duration lifetime, Clock clock) {
        ValidationException.required(keys, "keys");
        return new UnsubscribeTokens(keys, lifetime, clock);
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A token issued now (by this instance's clock) for the given recipient. */
    public String issue(TenantId tenant, ConsentSubject subject, Channel channel, Purpose purpose, String address,
            Optional<String> mailing) {
        return issue(new UnsubscribeToken(tenant, subject, channel, purpose, address, mailing, clock.instant()));
    }

    /**
     * The text of {@code token}, signed and encrypted with the current key of its tenant's ring. Its
     * issue instant may lie in the past (its expiry counts from it) but not in the future.
     */
    public String issue(UnsubscribeToken token) {
        ValidationException.required(token, "token");
        if (token.issuedAt().isAfter(clock.instant())) {
            throw new ValidationException("issuedAt", token.issuedAt(), "lies in the future");
        }
        SigningKey key = ringOf(token.tenant(), "tenant").currentKey();
        DerivedKeys derived = DerivedKeys.of(key, token.tenant());
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] ciphertext = derived.crypt(Cipher.ENCRYPT_MODE, iv, encode(token));
        byte[] keyId = key.id().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(2 + keyId.length + IV_BYTES + ciphertext.length + MAC_BYTES);
        out.put((byte) VERSION).put((byte) keyId.length).put(keyId).put(iv).put(ciphertext);
        out.put(derived.mac(out.array(), out.position()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** The token {@code text} stands for, if it is genuine, of {@code tenant}, signed with a key accepted now and not expired. */
    public UnsubscribeToken verify(TenantId tenant, String text) {
        ValidationException.required(tenant, "tenant");
        ValidationException.required(text, "token");
        if (text.length() > MAX_LENGTH) {
            throw refused(text, "is too long: " + text.length() + " characters, at most " + MAX_LENGTH + " are accepted");
        }
        byte[] bytes = decode(text);
        if (bytes.length < MIN_BYTES || (bytes[0] & 0xFF) != VERSION) {
            throw refused(text, "is not an unsubscribe token (malformed)");
        }
        int keyIdLength = bytes[1] & 0xFF;
        int macAt = bytes.length - MAC_BYTES;
        int ivAt = 2 + keyIdLength;
        if (keyIdLength == 0 || ivAt + IV_BYTES >= macAt) {
            throw refused(text, "is not an unsubscribe token (malformed)");
        }
        String keyId = new String(bytes, 2, keyIdLength, StandardCharsets.US_ASCII);
        SigningKeys ring = ringOf(tenant, "tenant");
        Instant now = clock.instant();
        if (!ring.knows(keyId)) {
            throw refused(text, "was signed with a key this server does not know (key id \"" + printable(keyId) + "\")");
        }
        SigningKey key = ring.acceptedAt(keyId, now).orElseThrow(() -> refused(text, "was signed with key " + keyId
                + ", which has been retired and is no longer accepted"));
        DerivedKeys derived = DerivedKeys.of(key, tenant);
        byte[] expected = derived.mac(bytes, macAt);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, macAt, bytes.length))) {
            throw refused(text, "is forged, altered or of another tenant (its signature does not match)");
        }
        byte[] iv = Arrays.copyOfRange(bytes, ivAt, ivAt + IV_BYTES);
        byte[] payload = derived.crypt(Cipher.DECRYPT_MODE, iv, Arrays.copyOfRange(bytes, ivAt + IV_BYTES, macAt));
        UnsubscribeToken token = decodePayload(tenant, payload, text);
        Instant expiry = token.issuedAt().plus(lifetime);
        if (!now.isBefore(expiry)) {
            throw refused(text, "has expired (it was valid until " + expiry + ")");
        }
        return token;
    }

    private SigningKeys ringOf(TenantId tenant, String field) {
        Optional<SigningKeys> ring = rings.apply(tenant);
        if (ring == null || ring.isEmpty()) {
            throw new ValidationException(field, tenant, "has no unsubscribe signing keys configured");
        }
        return ring.get();
    }

    private static byte[] decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean urlSafe = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!urlSafe) {
                throw refused(text, "is not an unsubscribe token (malformed)");
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            throw refused(text, "is not an unsubscribe token (malformed)");
        }
        // the decoder ignores the unused low bits of a last character: only the one spelling issued is accepted
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
            throw refused(text, "is not an unsubscribe token (malformed)");
        }
        return bytes;
    }

    /** The refusal of {@code text}, shown shortened so a message or log line stays short. */
    private static ValidationException refused(String text, String problem) {
        String shown = text.length() <= 16 ? text : text.substring(0, 12) + "…(" + text.length() + " characters)";
        return new ValidationException("token", shown, problem);
    }

    private static String printable(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "?");
    }

    private static byte[] encode(UnsubscribeToken token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(PAYLOAD_FORMAT);
        writeUuid(out, token.subject().client().value());
        Optional<ContactPersonId> person = token.subject().contactPerson();
        out.write(person.isPresent() ? 1 : 0);
        person.ifPresent(p -> writeUuid(out, p.value()));
        out.write(channelCode(token.channel()));
        writeText(out, token.purpose().key());
        writeText(out, token.address());
        writeText(out, token.mailing().orElse(""));
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(token.issuedAt().getEpochSecond()).array());
        return out.toByteArray();
    }

    private static UnsubscribeToken decodePayload(TenantId tenant, byte[] payload, String text) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            if (in.get() != PAYLOAD_FORMAT) {
                throw new IllegalArgumentException("payload format");
            }
            ClientId client = new ClientId(new UUID(in.getLong(), in.getLong()));
            int hasPerson = in.get();
            ConsentSubject subject = hasPerson == 1 ? ConsentSubject.contactPerson(client, new ContactPersonId(new UUID(in.getLong(), in.getLong())))
                    : ConsentSubject.client(client);
            Channel channel = channelOf(in.get());
            Purpose purpose = new Purpose(readText(in));
            String address = readText(in);
            String mailing = readText(in);
            Instant issuedAt = Instant.ofEpochSecond(in.getLong());
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return new UnsubscribeToken(tenant, subject, channel, purpose, address, mailing.isEmpty() ? Optional.empty() : Optional.of(mailing),
                    issuedAt);
        } catch (RuntimeException garbled) {
            // only reachable with a genuine MAC, i.e. a token of a format this version does not read
            throw refused(text, "is not an unsubscribe token this version reads (malformed payload)");
        }
    }

    private static void writeUuid(ByteArrayOutputStream out, UUID id) {
        out.writeBytes(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
    }

    private static void writeText(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length); // every text is validated to at most 254 bytes
        out.writeBytes(bytes);
    }

    private static String readText(ByteBuffer in) {
        byte[] bytes = new byte[in.get() & 0xFF];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int channelCode(Channel channel) {
        switch (channel) {
            case EMAIL:
                return 'E';
            case SMS:
                return 'S';
            case PHONE_CALL:
                return 'P';
            default:
                throw new IllegalStateException("no code for " + channel);
        }
    }

    private static Channel channelOf(byte code) {
        for (Channel channel : Channel.values()) {
            if (channelCode(channel) == code) {
                return channel;
            }
        }
        throw new IllegalArgumentException("channel code " + code);
    }

    /** The encryption and MAC keys of one signing key and tenant (HKDF-SHA256). */
    private static final class DerivedKeys {
        private final SecretKeySpec encryption;
        private final SecretKeySpec authentication;

        private DerivedKeys(SecretKeySpec encryption, SecretKeySpec authentication) {
            this.encryption = encryption;
            this.authentication = authentication;
        }

        static DerivedKeys of(SigningKey key, TenantId tenant) {
            byte[] secret = key.secret();
            try {
                byte[] prk = hmac(HKDF_SALT, secret, secret.length);
                byte[] tenantKey = tenant.value().getBytes(StandardCharsets.US_ASCII);
                return new DerivedKeys(new SecretKeySpec(expand(prk, "enc", tenantKey), "AES"),
                        new SecretKeySpec(expand(prk, "mac", tenantKey), "HmacSHA256"));
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }

        /** HKDF-Expand for one block (32 bytes): T(1) = HMAC(PRK, info | 0x01), info = label 0x00 tenant. */
        private static byte[] expand(byte[] prk, String label, byte[] tenant) {
            ByteArrayOutputStream info = new ByteArrayOutputStream();
            info.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
            info.write(0);
            info.writeBytes(tenant);
            info.write(1);
            byte[] input = info.toByteArray();
            return hmac(prk, input, input.length);
        }

        byte[] mac(byte[] data, int length) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(authentication);
                mac.update(data, 0, length);
                return mac.doFinal();
            } catch (GeneralSecurityException jdk) {
                throw new CrmException("HmacSHA256 is not available in this JDK", jdk);
            }
        }

        byte[] crypt(int mode, byte[] iv, byte[] input) {
            try {
                Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
                cipher.init(mode, encryption, new IvParameterSpec(iv));
                return cipher.doFinal(input);
            } catch (GeneralSecurityException jdk) {
                throw new CrmException("AES/CTR is not available in this JDK", jdk);
            }
        }

        private static byte[] hmac(byte[] key, byte[] data, int length) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                mac.update(data, 0, length);
                return mac.doFinal();
            } catch (GeneralSecurityException jdk) {
                throw new CrmException("HmacSHA256 is not available in this JDK", jdk);
            }
        }
    }
}
