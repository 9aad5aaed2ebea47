package org.crmkit.mailing.recipient;

/** Whom of each client a mailing addresses. */
public enum Addressee {
    /** The client itself, at the addresses on its own card. */
    CLIENT,
    /**
     * The client's contact persons marked to receive mailings
     * ({@link org.crmkit.client.ContactPerson#receivesMailings()}); when none is marked, the first
     * person in {@link org.crmkit.client.ContactPerson#BY_NAME} order (the main one, as the card
     * lists them); a client without contact persons is excluded ({@link ExclusionReason#NO_CONTACT_PERSON}).
     */
    CONTACT_PERSONS
}
