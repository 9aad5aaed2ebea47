package org.crmkit.jpa.internal;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of {@code crm_client}; names are also kept folded (lower case, ё → е) for search. */
@Entity
@Table(name = "crm_client")
@IdClass(Keys.TenantUuid.class)
public class ClientRow {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "code")
    String code;
    @Column(name = "kind")
    String kind;
    @Column(name = "short_name")
    String shortName;
    @Column(name = "short_key")
    String shortKey;
    /** The name as quick search compares and orders it: {@link org.crmkit.client.NameWords#core} (V9). */
    @Column(name = "name_core")
    String nameCore;
    /** {@link org.crmkit.client.NameWords#legalForm}, or null (V9). */
    @Column(name = "legal_form")
    String legalForm;
    @Column(name = "full_name")
    String fullName;
    @Column(name = "full_key")
    String fullKey;
    @Column(name = "group_id")
    UUID groupId;
    @Column(name = "relationship")
    String relationship;
    @Column(name = "manager")
    String manager;
    @Column(name = "registered_on")
    LocalDate registeredOn;
    @Column(name = "region")
    String region;
    @Column(name = "city")
    String city;
    @Column(name = "industry")
    String industry;
    @Column(name = "inn")
    String inn;
    @Column(name = "kpp")
    String kpp;
    @Column(name = "ogrn")
    String ogrn;
    @Column(name = "okpo")
    String okpo;
    @Column(name = "notes")
    String notes;
    /** Derived from the contacts: {@link org.crmkit.client.Client#mainPhone}, E.164 (V6). */
    @Column(name = "main_phone")
    String mainPhone;
    /** {@link org.crmkit.client.Client#preferredChannel}, the constant's name (V600). */
    @Column(name = "preferred_channel")
    String preferredChannel;
    @Column(name = "archived")
    boolean archived;
    /** Raised by {@code JpaStores.bumpVersion} before any other write of an update, never by EclipseLink. */
    @Column(name = "version")
    long version;
}
