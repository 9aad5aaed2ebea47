package org.crmkit.consent;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.common.TenantId;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Random unsubscribe tokens: every channel, subjects with and without a person, Cyrillic and long addresses, with and without a mailing. */
final class UnsubscribeTokenGenerators {
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private UnsubscribeTokenGenerators() {
    }

    static Gen<String> from(String alphabet, int min, int max) {
        return lists().of(Generate.range(0, alphabet.length() - 1)).ofSizeBetween(min, max).map(indexes -> {
            StringBuilder out = new StringBuilder();
            indexes.forEach(i -> out.append(alphabet.charAt(i)));
            return out.toString();
        });
    }

    static Gen<UUID> uuids() {
        return longs().all().zip(longs().all(), UUID::new);
    }

    static Gen<String> addresses() {
        Gen<String> email = from("abcxyz0189._+-абвЖЯ", 1, 60).zip(from("abcdexyz", 1, 20), (local, domain) -> "a" + local + "@" + domain + ".ru");
        Gen<String> phone = from("0123456789", 10, 12).map(digits -> "+7" + digits);
        // the longest addresses accepted: 254 bytes in ASCII, 252 in two-byte Cyrillic
        Gen<String> longest = Generate.pick(List.of("x".repeat(UnsubscribeToken.MAX_ADDRESS_BYTES - 6) + "@ab.ru",
                "ё".repeat((UnsubscribeToken.MAX_ADDRESS_BYTES - 6) / 2) + "@ab.ru"));
        return Generate.oneOf(email, phone, longest);
    }

    static Gen<Optional<String>> mailings() {
        Gen<Optional<String>> some = from("ABZabz09._:-", 1, 64).map(Optional::of);
        return Generate.oneOf(some, Generate.constant(Optional.empty()));
    }

    static Gen<ConsentSubject> subjects() {
        Gen<ConsentSubject> client = uuids().map(id -> ConsentSubject.client(new ClientId(id)));
        Gen<ConsentSubject> person = uuids().zip(uuids(), (c, p) -> ConsentSubject.contactPerson(new ClientId(c), new ContactPersonId(p)));
        return Generate.oneOf(client, person);
    }

    static Gen<Purpose> purposes() {
        return Generate.oneOf(Generate.pick(List.of(Purpose.MARKETING, Purpose.SERVICE)),
                from("abcxyz019-", 0, 39).map(rest -> new Purpose("p" + rest)));
    }

    static Gen<TenantId> tenants() {
        return from("ABCabc019._-", 0, 63).map(rest -> TenantId.of("t" + rest));
    }

    /** Tokens issued up to a year before {@link #NOW}, to the second. */
    static Gen<UnsubscribeToken> tokens() {
        Gen<Instant> issued = integers().between(0, 365 * 24 * 3600).map(s -> NOW.minusSeconds(s));
        return tenants().zip(subjects(), Generate.enumValues(Channel.class), purposes(), (tenant, subject, channel, purpose) ->
                new UnsubscribeToken(tenant, subject, channel, purpose, "a@b.ru", Optional.empty(), NOW))
                .zip(addresses(), mailings(), issued, (t, address, mailing, at) ->
                        new UnsubscribeToken(t.tenant(), t.subject(), t.channel(), t.purpose(), address, mailing, at));
    }
}
