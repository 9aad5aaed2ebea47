package org.crmkit.jpa.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A row of {@code crm_property}: a definition with its type's limits in typed columns. */
@Entity
@Table(name = "crm_property")
@IdClass(Keys.TenantText.class)
public class PropertyRow {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "property_key")
    String id;
    @Column(name = "label")
    String label;
    @Column(name = "kind")
    String kind;
    @Column(name = "max_length")
    Integer maxLength;
    @Column(name = "scale")
    Integer scale;
    @Column(name = "min_number", precision = 24, scale = 6)
    BigDecimal minNumber;
    @Column(name = "max_number", precision = 24, scale = 6)
    BigDecimal maxNumber;
    @Column(name = "currency")
    String currency;
    @Column(name = "min_date")
    LocalDate minDate;
    @Column(name = "max_date")
    LocalDate maxDate;
    @Column(name = "applies_kinds")
    String appliesKinds;
    @Column(name = "applies_groups")
    String appliesGroups;
    @Column(name = "required")
    boolean required;
    @Column(name = "archived")
    boolean archived;
    @Version
    @Column(name = "version")
    long version;
}
