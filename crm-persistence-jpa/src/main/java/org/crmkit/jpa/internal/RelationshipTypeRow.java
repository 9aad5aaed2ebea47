package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A row of {@code crm_relationship_type}: a tenant's own type or its change to a default. */
@Entity
@Table(name = "crm_relationship_type")
@IdClass(Keys.TenantText.class)
public class RelationshipTypeRow {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "id")
    String id;
    @Column(name = "name")
    String name;
    @Column(name = "retired")
    boolean retired;
    @Version
    @Column(name = "version")
    long version;
}
