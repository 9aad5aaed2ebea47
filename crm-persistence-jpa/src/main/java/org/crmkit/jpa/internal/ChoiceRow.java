package org.crmkit.jpa.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of {@code crm_property_choice}: one value-list entry at its position. */
@Entity
@Table(name = "crm_property_choice")
@IdClass(Keys.ChoiceKey.class)
public class ChoiceRow {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "property_key")
    String propertyKey;
    @Id
    @Column(name = "position")
    int position;
    @Column(name = "choice_id")
    UUID choiceId;
    @Column(name = "label")
    String label;
    @Column(name = "retired")
    boolean retired;
}
