package org.crmkit.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.crmkit.common.ValidationException;

/**
 * The key ring of {@link UnsubscribeTokens}: the current key, which signs every new token, and the
 * retired keys, each still accepted for tokens it signed until a stated instant (its grace end,
 * exclusive) and refused from then on.
 *
 * <p>A rotation: the host generates a new secret, adds it as the current key and keeps the old one
 * retired for as long as links signed with it should keep working (at least the token lifetime, so
 * no link sent the day before stops working early):
 * <pre>{@code
 * SigningKeys keys = SigningKeys.current(SigningKey.fromBase64("2026-06", env("UNSUBSCRIBE_KEY_2026_06")))
 *         .rotateTo(SigningKey.fromBase64("2026-12", env("UNSUBSCRIBE_KEY_2026_12")), Instant.parse("2027-03-01T00:00:00Z"));
 * }</pre>
 * The ring is immutable; every verb answers a new ring. Key ids are unique in a ring, and so are
 * secrets (a secret re-used under a second id is a mistake that would defeat retiring it).
 */
public final class SigningKeys {
    private final SigningKey current;
    private final List<Retired> retired;

    /** A retired key and the instant from which tokens it signed are refused. */
    public record Retired(SigningKey key, Instant acceptedUntil) {
        public Retired {
            ValidationException.required(key, "key");
            ValidationException.required(acceptedUntil, "acceptedUntil");
        }
    }

    private SigningKeys(SigningKey current, List<Retired> retired) {
        this.current = current;
        this.retired = Collections.unmodifiableList(retired);
        List<SigningKey> all = new ArrayList<>();
        all.add(current);
        retired.forEach(r -> all.add(r.key()));
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (all.get(i).id().equals(all.get(j).id())) {
                    throw new ValidationException("keyId", all.get(i).id(), "is used by two keys of the ring");
                }
                if (all.get(i).sameSecretAs(all.get(j))) {
                    throw new ValidationException("secret", "(key " + all.get(i).id() + ")", "is the same secret as key "
                            + all.get(j).id() + ": every key needs its own secret");
                }
            }
        }
    }

    /** A ring of one key, the current one. */
    public static SigningKeys current(SigningKey key) {
        return new SigningKeys(ValidationException.required(key, "key"), List.of());
    }

    /** This ring with {@code key} accepted until {@code acceptedUntil} (exclusive) for the tokens it signed. */
    public SigningKeys withRetired(SigningKey key, Instant acceptedUntil) {
        List<Retired> more = new ArrayList<>(retired);
        more.add(new Retired(key, acceptedUntil));
        return new SigningKeys(current, more);
    }

    /** {@code next} becomes the current key; the current one is accepted until {@code previousAcceptedUntil} (exclusive). */
    public SigningKeys rotateTo(SigningKey next, Instant previousAcceptedUntil) {
        ValidationException.required(next, "next");
        ValidationException.required(previousAcceptedUntil, "previousAcceptedUntil");
        List<Retired> more = new ArrayList<>(retired);
        more.add(0, new Retired(current, previousAcceptedUntil));
        return new SigningKeys(next, more);
    }

    /** The key that signs new tokens. */
    public SigningKey currentKey() {
        return current;
    }

    /** The retired keys, most recently retired first. */
    public List<Retired> retired() {
        return retired;
    }

    /** The key with this id if it verifies tokens at {@code at}: the current key, or a retired one before its grace end. */
    public Optional<SigningKey> acceptedAt(String keyId, Instant at) {
        ValidationException.required(keyId, "keyId");
        ValidationException.required(at, "at");
        if (current.id().equals(keyId)) {
            return Optional.of(current);
        }
        return retired.stream().filter(r -> r.key().id().equals(keyId) && at.isBefore(r.acceptedUntil())).map(Retired::key)
                .findFirst();
    }

    /** Whether the ring has (or had) a key of this id, accepted now or not. */
    public boolean knows(String keyId) {
        ValidationException.required(keyId, "keyId");
        return current.id().equals(keyId) || retired.stream().anyMatch(r -> r.key().id().equals(keyId));
    }

    @Override
    public String toString() {
        return "SigningKeys[current=" + current.id() + ", retired=" + retired.stream().map(r -> r.key().id() + " until "
                + r.acceptedUntil()).toList() + "]";
    }
}
