package org.crmkit.jpa.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of {@code crm_client_contact}. */
@Entity
@Table(name = "crm_client_contact")
@IdClass(Keys.OwnedPosition.class)
public class ClientContactRow extends ContactRow {
    @Id
    @Column(name = "client_id")
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
