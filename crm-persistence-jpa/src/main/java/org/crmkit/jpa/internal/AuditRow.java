package org.crmkit.jpa.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of {@code crm_audit}; written once, never updated. */
@Entity
@Table(name = "crm_audit")
@IdClass(Keys.TenantUuid.class)
public class AuditRow {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "client_id")
    UUID clientId;
    @Column(name = "subject")
    String subject;
    @Column(name = "field")
    String field;
    @Column(name = "old_value")
    String oldValue;
    @Column(name = "new_value")
    String newValue;
    @Column(name = "actor")
    String actor;
    @Column(name = "at")
    OffsetDateTime at;
}
