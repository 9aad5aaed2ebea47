package org.crmkit.consent;

import org.crmkit.common.ValidationException;

/**
 * What one line of consent is about: whose it is, on which channel, for which purpose, at which
 * address. The ledger's current state is the latest entry per key; the address must be of the
 * channel's kind (an e-mail address for e-mail, a number for SMS and calls).
 */
public record ConsentKey(ConsentSubject subject, Channel channel, Purpose purpose, ConsentAddress address) {
    public ConsentKey {
        ValidationException.required(subject, "subject");
        ValidationException.required(channel, "channel");
        ValidationException.required(purpose, "purpose");
        ValidationException.required(address, "address");
        if (ConsentAddress.kindOf(channel) != address.kind()) {
            throw new ValidationException("address", address.value(), "is not an address for " + channel
                    + (channel == Channel.EMAIL ? " (an e-mail address is needed)" : " (a phone number is needed)"));
        }
    }
}
