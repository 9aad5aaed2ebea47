package org.crmkit.jpa.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A row of {@code crm_client_group}. */
@Entity
@Table(name = "crm_client_group")
@IdClass(Keys.TenantUuid.class)
public class ClientGroupRow {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "name")
    String name;
    @Column(name = "parent_id")
    UUID parentId;
    @Version
    @Column(name = "version")
    long version;
}
