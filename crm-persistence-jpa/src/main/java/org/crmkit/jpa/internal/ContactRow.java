package org.crmkit.jpa.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** One contact entry of a client or a contact person, at its position in the list. */
@MappedSuperclass
public abstract class ContactRow {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "position")
    int position;
    @Column(name = "type")
    String type;
    @Column(name = "contact_value")
    String value;
    /** E.164 for phones, the lower-cased address for e-mail, null otherwise: what searches compare. */
    @Column(name = "search_value")
    String searchValue;
    /** The search value reversed: a phone's last digits and an address's domain are its prefixes (V9). */
    @Column(name = "search_reversed")
    String searchReversed;
    @Column(name = "label")
    String label;
    @Column(name = "is_primary")
    boolean primary;

    abstract UUID owner();

    abstract void owner(UUID id);
}
