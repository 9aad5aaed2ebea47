package org.crmkit.consent;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.crmkit.common.CrmException;
import org.crmkit.common.ValidationException;
import org.crmkit.usecase.CrmContext;

/**
 * Double opt-in for e-mail ({@link Consents#requestConfirmation}, {@link Consents#confirm}): a
 * pending entry and a random single-use token of 32 bytes, of which only the SHA-256 is stored; the
 * token never names the address or the client.
 */
final class DoubleOptIn {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Longest token text read at all; longer input is refused before anything else is done with it. */
    private static final int MAX_TOKEN_INPUT = 200;

    private final CrmContext context;

    DoubleOptIn(CrmContext context) {
        this.context = context;
    }

    ConfirmationRequest request(ConsentKey key, ConsentSource source, Proof proof, Duration lifetime) {
        ValidationException.required(key, "key");
        ValidationException.required(source, "source");
        ValidationException.required(proof, "proof");
        ValidationException.required(lifetime, "lifetime");
        if (key.channel() != Channel.EMAIL) {
            throw new ValidationException("channel", key.channel(), "has no double opt-in (only EMAIL)");
        }
        if (source == ConsentSource.UNSUBSCRIBE_LINK || source == ConsentSource.DOUBLE_OPT_IN_CONFIRMATION) {
            throw new ValidationException("source", source, "is not a source of a consent request");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Consents.MAX_CONFIRMATION_LIFETIME) > 0) {
            throw new ValidationException("lifetime", lifetime, "must be positive and at most " + Consents.MAX_CONFIRMATION_LIFETIME);
        }
        return context.write(work -> {
            ConsentRules.requireSubject(work, key.subject(), true);
            ConsentRules.requirePurpose(work, key.purpose());
            work.store(ConsentStore.class).lock(key.subject());
            ConsentRules.requireOnCard(work, key);
            Instant now = work.now();
            ConsentEntry pending = new ConsentEntry(new ConsentEntryId(work.newId()), key, ConsentState.PENDING, now, work.actor().name(),
                    source, proof, Optional.of(now.plus(lifetime)));
            String token = newToken();
            ConsentStore store = work.store(ConsentStore.class);
            store.append(pending);
            store.addConfirmation(new PendingConfirmation(ConsentRules.hash(token), pending.id(), pending.expires().orElseThrow(),
                    Optional.empty()));
            ConsentRules.journal(work, pending);
            return new ConfirmationRequest(pending, token);
        });
    }

    ConsentEntry confirm(String token) {
        ValidationException.required(token, "token");
        if (token.length() > MAX_TOKEN_INPUT) {
            throw new ValidationException("token", shown(token), "is too long (" + token.length() + " characters; a token has 43)");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new ValidationException("token", shown(token), "is not a confirmation token (43 characters of base64url)");
        }
        String hash = ConsentRules.hash(token);
        return context.write(work -> {
            ConsentStore store = work.store(ConsentStore.class);
            PendingConfirmation confirmation = store.confirmation(hash)
                    .orElseThrow(() -> new ValidationException("token", shown(token), "is not a confirmation token of this tenant"));
            if (confirmation.used().isPresent()) {
                throw new ValidationException("token", shown(token), "has already been used (at " + confirmation.used().get() + ")");
            }
            Instant now = work.now();
            if (!now.isBefore(confirmation.expires())) {
                throw new ValidationException("token", shown(token), "expired at " + confirmation.expires());
            }
            ConsentEntry pending = store.entry(confirmation.entry())
                    .orElseThrow(() -> new CrmException("the pending entry " + confirmation.entry() + " of a confirmation token is missing"));
            ConsentKey key = pending.key();
            store.lock(key.subject());
            if (!store.latest(key).map(l -> l.id().equals(pending.id())).orElse(false)) {
                throw new ValidationException("token", shown(token), "was superseded by a later entry for " + key.channel() + " " + key.purpose());
            }
            ConsentRules.requireSubject(work, key.subject(), false);
            ConsentRules.requireOnCard(work, key);
            if (!store.useConfirmation(hash, now)) {
                throw new ValidationException("token", shown(token), "has already been used");
            }
            ConsentEntry granted = new ConsentEntry(new ConsentEntryId(work.newId()), key, ConsentState.GRANTED, now, work.actor().name(),
                    ConsentSource.DOUBLE_OPT_IN_CONFIRMATION, pending.proof(), Optional.empty());
            ConsentRules.record(work, granted);
            return granted;
        });
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** How a token appears in an error: its first 8 characters, never the whole secret. */
    private static String shown(String token) {
        return token.length() <= 8 ? token : token.substring(0, 8) + "…";
    }
}
