package org.crmkit.mailing.recipient;

import java.util.Optional;

import org.crmkit.common.ValidationException;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.QuietHours;

/**
 * What to resolve: the audience, whom of each client, on which channel, for which consent purpose
 * (marketing by default), with the tenant's quiet hours (none: SMS at any time), what to do with
 * an address that several recipients share (by default one message), in pages of
 * {@code pageSize} clients (1 to {@link #MAX_PAGE}).
 */
public record RecipientQuery(Audience audience, Addressee addressee, ChannelChoice channels, Purpose purpose,
                             Optional<QuietHours> quietHours, SharedAddresses sharedAddresses, int pageSize) {
    /** Recipients with the same channel and address. */
    public enum SharedAddresses {
        /** One message per address: the first recipient in the resolver's order; the others are DUPLICATE_ADDRESS. */
        ONE_MESSAGE,
        /** Every recipient gets a message, also where another has the same address (say, a personalised one each). */
        EVERY_RECIPIENT
    }

    public static final int DEFAULT_PAGE = 500;
    public static final int MAX_PAGE = 5_000;

    public RecipientQuery {
        ValidationException.required(audience, "audience");
        ValidationException.required(addressee, "addressee");
        ValidationException.required(channels, "channels");
        ValidationException.required(purpose, "purpose");
        ValidationException.required(quietHours, "quietHours");
        ValidationException.required(sharedAddresses, "sharedAddresses");
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new ValidationException("pageSize", pageSize, "must be between 1 and " + MAX_PAGE);
        }
    }

    /** Marketing, no quiet hours, one message per address, pages of {@link #DEFAULT_PAGE}. */
    public static RecipientQuery of(Audience audience, Addressee addressee, ChannelChoice channels) {
        return new RecipientQuery(audience, addressee, channels, Purpose.MARKETING, Optional.empty(), SharedAddresses.ONE_MESSAGE, DEFAULT_PAGE);
    }

    public RecipientQuery withSharedAddresses(SharedAddresses policy) {
        return new RecipientQuery(audience, addressee, channels, purpose, quietHours, policy, pageSize);
    }

    public RecipientQuery withQuietHours(QuietHours hours) {
        return new RecipientQuery(audience, addressee, channels, purpose, Optional.of(ValidationException.required(hours, "hours")), sharedAddresses, pageSize);
    }

    public RecipientQuery withPageSize(int size) {
        return new RecipientQuery(audience, addressee, channels, purpose, quietHours, sharedAddresses, size);
    }

    public RecipientQuery forPurpose(Purpose newPurpose) {
        return new RecipientQuery(audience, addressee, channels, newPurpose, quietHours, sharedAddresses, pageSize);
    }
}
