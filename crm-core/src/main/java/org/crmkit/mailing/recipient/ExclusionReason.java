package org.crmkit.mailing.recipient;

/** Why a recipient of the audience gets no message, in the order the resolver checks. */
public enum ExclusionReason {
    /** The mailing goes to contact persons and the client has none. */
    NO_CONTACT_PERSON,
    /** No e-mail address (for e-mail) or no phone number (for SMS) on the card. */
    NO_ADDRESS,
    /**
     * The card holds no usable e-mail address, but a text that was meant as one (an entry of a
     * free-text type, such as {@code OTHER}, containing an '@', as imports of old data keep what
     * they could not read: the brochure's Иваночкин with {@code wqdqdas@sfgsr wert wert}).
     */
    INVALID_ADDRESS,
    /** For SMS: the card's numbers are landlines, toll-free or otherwise not on a mobile line. */
    NOT_MOBILE,
    /** The address is on the tenant's suppression list. */
    SUPPRESSED,
    /** No marketing consent in effect for this person, channel and address (none, withdrawn, pending, expired). */
    NO_CONSENT,
    /** For SMS: resolved inside the tenant's quiet hours. */
    QUIET_HOURS,
    /** An earlier recipient of this mailing has the same address on the same channel; one message goes. */
    DUPLICATE_ADDRESS
}
