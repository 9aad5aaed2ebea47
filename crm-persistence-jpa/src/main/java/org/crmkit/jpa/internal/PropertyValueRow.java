package org.crmkit.jpa.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A row of {@code crm_client_property}: one typed value column is set, the others are null; each
 * value column has an index led by (tenant, property), so a filter on one property is one index range.
 * The row also carries its client's code, so that the clients holding a choice, an employee or a
 * linked client are read in code order straight off the value index (kept in step on recode).
 */
@Entity
@Table(name = "crm_client_property")
@IdClass(Keys.PropertyValueKey.class)
public class PropertyValueRow {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "client_id")
    UUID clientId;
    @Id
    @Column(name = "property_key")
    String propertyKey;
    @Id
    @Column(name = "seq")
    int seq;
    @Column(name = "client_code")
    String clientCode;
    @Column(name = "value_text")
    String text;
    /** The folded text ({@code CleanText.fold}) of a text value, for rules that compare text folded (V500). */
    @Column(name = "value_key")
    String key;
    @Column(name = "value_number", precision = 24, scale = 6)
    BigDecimal number;
    @Column(name = "value_date")
    LocalDate date;
    @Column(name = "value_bool")
    Boolean bool;
    @Column(name = "value_ref")
    String ref;
    @Column(name = "currency")
    String currency;
}
