package org.crmkit.jpa.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of {@code crm_person_contact}. */
@Entity
@Table(name = "crm_person_contact")
@IdClass(Keys.OwnedPosition.class)
public class PersonContactRow extends ContactRow {
    @Id
    @Column(name = "person_id")
    UUID ownerId;

    @Override
    UUID owner() {
        return ownerId;
    }

    @Override
    void owner(UUID id) {
        this.ownerId = id;
    }
}
