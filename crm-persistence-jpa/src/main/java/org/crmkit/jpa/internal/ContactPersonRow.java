package org.crmkit.jpa.internal;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of {@code crm_contact_person}. */
@Entity
@Table(name = "crm_contact_person")
@IdClass(Keys.TenantUuid.class)
public class ContactPersonRow {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "client_id")
    UUID clientId;
    @Column(name = "surname")
    String surname;
    @Column(name = "first_name")
    String firstName;
    @Column(name = "patronymic")
    String patronymic;
    @Column(name = "position_title")
    String position;
    @Column(name = "responsible")
    String responsible;
    @Column(name = "relation_start")
    LocalDate relationStart;
    @Column(name = "relation_end")
    LocalDate relationEnd;
    @Column(name = "birthday")
    LocalDate birthday;
    @Column(name = "notes")
    String notes;
    /** The constant's name (V600). */
    @Column(name = "preferred_channel")
    String preferredChannel;
    @Column(name = "receives_mailings")
    boolean receivesMailings;
    /** Raised by {@code JpaStores.bumpVersion} before any other write of an update, never by EclipseLink. */
    @Column(name = "version")
    long version;
}
