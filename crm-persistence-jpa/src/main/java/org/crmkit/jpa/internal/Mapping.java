package org.crmkit.jpa.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.client.NameWords;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientGroup;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactType;
import org.crmkit.client.Location;
import org.crmkit.client.PersonName;
import org.crmkit.client.PreferredChannel;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.client.TaxIdentifiers;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.common.PhoneNumber;
import org.crmkit.property.AppliesTo;
import org.crmkit.property.Choice;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.property.ValueList;
import org.crmkit.taxid.Inn;
import org.crmkit.taxid.Kpp;
import org.crmkit.taxid.Ogrn;
import org.crmkit.taxid.Okpo;

// One file on purpose: every aggregate's record <-> row conversion sits side by side, so a new column is
// added in one place next to its siblings; each method is a flat field copy with no logic to split off.
/** Domain records to rows and back. Rows never leave this package. */
final class Mapping {
    private Mapping() {
    }

    // ---- clients

    static void fill(ClientRow row, String tenant, Client c) {
        row.tenantId = tenant;
        row.id = c.id().value();
        row.code = c.code().value();
        row.kind = c.kind().name();
        row.shortName = c.shortName();
        row.shortKey = CleanText.fold(c.shortName());
        row.nameCore = NameWords.core(c.shortName());
        row.legalForm = NameWords.legalForm(c.shortName()).orElse(null);
        row.fullName = c.fullName().orElse(null);
        row.fullKey = c.fullName().map(CleanText::fold).orElse(null);
        row.groupId = c.group().map(ClientGroupId::value).orElse(null);
        row.relationship = c.relationship().map(RelationshipTypeId::value).orElse(null);
        row.manager = c.manager().map(EmployeeId::value).orElse(null);
        row.registeredOn = c.registeredOn();
        row.region = c.location().region().orElse(null);
        row.city = c.location().city().orElse(null);
        row.industry = c.location().industry().orElse(null);
        row.inn = c.taxIds().inn().map(Inn::value).orElse(null);
        row.kpp = c.taxIds().kpp().map(Kpp::value).orElse(null);
        row.ogrn = c.taxIds().ogrn().map(Ogrn::value).orElse(null);
        row.okpo = c.taxIds().okpo().map(Okpo::value).orElse(null);
        row.notes = c.notes().orElse(null);
        row.preferredChannel = c.preferredChannel().map(PreferredChannel::name).orElse(null);
        row.mainPhone = c.mainPhone().map(ContactEntry::value).orElse(null);
        row.archived = c.archived();
    }

    static Client client(ClientRow row, List<? extends ContactRow> contacts, List<PropertyValueRow> properties) {
        return new Client(new ClientId(row.id), new ClientCode(row.code), ClientKind.valueOf(row.kind), row.shortName,
                Optional.ofNullable(row.fullName), Optional.ofNullable(row.groupId).map(ClientGroupId::new),
                Optional.ofNullable(row.relationship).map(RelationshipTypeId::new),
                Optional.ofNullable(row.manager).map(EmployeeId::new), row.registeredOn,
                new Location(Optional.ofNullable(row.region), Optional.ofNullable(row.city), Optional.ofNullable(row.industry)),
                new TaxIdentifiers(Optional.ofNullable(row.inn).map(Inn::new), Optional.ofNullable(row.kpp).map(Kpp::new),
                        Optional.ofNullable(row.ogrn).map(Ogrn::new), Optional.ofNullable(row.okpo).map(Okpo::new)),
                contacts(contacts), values(properties), Optional.ofNullable(row.notes),
                Optional.ofNullable(row.preferredChannel).map(PreferredChannel::valueOf), row.archived, row.version);
    }

    /** The summary of a client from the columns of its row that {@link ResultRows#summary} reads. */
    static ClientSummary summary(ClientRow row) {
        return new ClientSummary(new ClientId(row.id), new ClientCode(row.code), ClientKind.valueOf(row.kind), row.shortName,
                Optional.ofNullable(row.groupId).map(ClientGroupId::new), Optional.ofNullable(row.relationship).map(RelationshipTypeId::new),
                Optional.ofNullable(row.manager).map(EmployeeId::new), Optional.ofNullable(row.inn).map(Inn::new),
                Optional.ofNullable(row.mainPhone).map(PhoneNumber::new), row.archived);
    }

    // ---- contact entries

    static <R extends ContactRow> List<R> contactRows(String tenant, UUID owner, List<ContactEntry> entries, Supplier<R> rows) {
        List<R> result = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            ContactEntry e = entries.get(i);
            R row = rows.get();
            row.tenantId = tenant;
            row.owner(owner);
            row.position = i;
            copy(e, row);
            result.add(row);
        }
        return result;
    }

    static void copy(ContactEntry e, ContactRow row) {
        row.type = e.type().name();
        row.value = e.value();
        row.searchValue = searchValue(e.type(), e.value());
        row.searchReversed = reversed(row.searchValue);
        row.label = e.label().orElse(null);
        row.primary = e.primary();
    }

    /** A search value reversed by code point, or null for none. */
    static String reversed(String searchValue) {
        return searchValue == null ? null : new StringBuilder(searchValue).reverse().toString();
    }

    /** What criteria compare: the number for phone-like channels, the lower-cased address for e-mail. */
    static String searchValue(ContactType type, String value) {
        if (type.isPhone()) {
            return value;
        }
        return type == ContactType.EMAIL ? EmailAddress.searchKeyOf(value) : null;
    }

    static List<ContactEntry> contacts(List<? extends ContactRow> rows) {
        return rows.stream().sorted((a, b) -> Integer.compare(a.position, b.position))
                .map(r -> new ContactEntry(ContactType.valueOf(r.type), r.value, Optional.ofNullable(r.label), r.primary))
                .collect(Collectors.toList());
    }

    // ---- property values

    static List<PropertyValueRow> valueRows(String tenant, UUID client, ClientCode code, Map<PropertyKey, PropertyValue> values) {
        List<PropertyValueRow> rows = new ArrayList<>();
        values.forEach((key, value) -> value.accept(new PropertyValue.Visitor<Void>() {
            private PropertyValueRow row(int seq) {
                PropertyValueRow r = new PropertyValueRow();
                r.tenantId = tenant;
                r.clientId = client;
                r.clientCode = code.value();
                r.propertyKey = key.value();
                r.seq = seq;
                rows.add(r);
                return r;
            }

            @Override
            public Void text(PropertyValue.TextValue v) {
                PropertyValueRow r = row(0);
                r.text = v.value();
                r.key = CleanText.fold(v.value());
                return null;
            }

            @Override
            public Void number(PropertyValue.NumberValue v) {
                row(0).number = v.value();
                return null;
            }

            @Override
            public Void money(PropertyValue.MoneyValue v) {
                PropertyValueRow r = row(0);
                r.number = v.value().amount();
                r.currency = v.value().currency().getCurrencyCode();
                return null;
            }

            @Override
            public Void date(PropertyValue.DateValue v) {
                row(0).date = v.value();
                return null;
            }

            @Override
            public Void bool(PropertyValue.BooleanValue v) {
                row(0).bool = v.value();
                return null;
            }

            @Override
            public Void choice(PropertyValue.ChoiceValue v) {
                row(0).ref = v.value().toString();
                return null;
            }

            @Override
            public Void choices(PropertyValue.MultiChoiceValue v) {
                int seq = 0;
                for (ChoiceId id : v.values()) {
                    PropertyValueRow r = row(seq++);
                    r.ref = id.toString();
                    r.text = ReferenceKind.CHOICE_OF_MANY.marker();
                }
                return null;
            }

            @Override
            public Void employee(PropertyValue.EmployeeValue v) {
                PropertyValueRow r = row(0);
                r.ref = v.value().value();
                r.text = ReferenceKind.EMPLOYEE.marker();
                return null;
            }

            @Override
            public Void client(PropertyValue.ClientValue v) {
                PropertyValueRow r = row(0);
                r.ref = v.value().toString();
                r.text = ReferenceKind.CLIENT.marker();
                return null;
            }
        }));
        return rows;
    }

    /**
     * Rows back to values. The value column that is set tells the kind; reference rows carry a
     * {@link ReferenceKind} marker in value_text.
     */
    static Map<PropertyKey, PropertyValue> values(List<PropertyValueRow> rows) {
        Map<String, List<PropertyValueRow>> byKey = rows.stream()
                .collect(Collectors.groupingBy(r -> r.propertyKey, LinkedHashMap::new, Collectors.toList()));
        Map<PropertyKey, PropertyValue> values = new TreeMap<>();
        byKey.forEach((key, list) -> {
            PropertyValueRow r = list.get(0);
            PropertyValue value;
            if (r.ref != null) {
                value = reference(ReferenceKind.of(r.text), list);
            } else if (r.currency != null) {
                value = PropertyValue.money(new Money(r.number, Money.currency(r.currency)));
            } else if (r.number != null) {
                value = new PropertyValue.NumberValue(r.number);
            } else if (r.date != null) {
                value = PropertyValue.date(r.date);
            } else if (r.bool != null) {
                value = PropertyValue.bool(r.bool);
            } else {
                value = PropertyValue.text(r.text);
            }
            values.put(PropertyKey.of(key), value);
        });
        return values;
    }

    private static PropertyValue reference(ReferenceKind kind, List<PropertyValueRow> rows) {
        String ref = rows.get(0).ref;
        switch (kind) {
            case CHOICE_OF_MANY:
                return PropertyValue.choices(rows.stream().map(x -> new ChoiceId(UUID.fromString(x.ref))).collect(Collectors.toSet()));
            case EMPLOYEE:
                return PropertyValue.employee(new EmployeeId(ref));
            case CLIENT:
                return PropertyValue.client(new ClientId(UUID.fromString(ref)));
            default:
                return PropertyValue.choice(new ChoiceId(UUID.fromString(ref)));
        }
    }

    // ---- contact persons

    static void fill(ContactPersonRow row, String tenant, ContactPerson p) {
        row.tenantId = tenant;
        row.id = p.id().value();
        row.clientId = p.client().value();
        row.surname = p.name().surname();
        row.firstName = p.name().firstName().orElse(null);
        row.patronymic = p.name().patronymic().orElse(null);
        row.position = p.position().orElse(null);
        row.responsible = p.responsible().map(EmployeeId::value).orElse(null);
        row.relationStart = p.relationStart().orElse(null);
        row.relationEnd = p.relationEnd().orElse(null);
        row.birthday = p.birthday().orElse(null);
        row.notes = p.notes().orElse(null);
        row.preferredChannel = p.preferredChannel().map(PreferredChannel::name).orElse(null);
        row.receivesMailings = p.receivesMailings();
    }

    static ContactPerson person(ContactPersonRow row, List<? extends ContactRow> contacts) {
        return new ContactPerson(new ContactPersonId(row.id), new ClientId(row.clientId),
                new PersonName(row.surname, Optional.ofNullable(row.firstName), Optional.ofNullable(row.patronymic)),
                Optional.ofNullable(row.position), Optional.ofNullable(row.responsible).map(EmployeeId::new),
                Optional.ofNullable(row.relationStart), Optional.ofNullable(row.relationEnd), contacts(contacts),
                Optional.ofNullable(row.birthday), Optional.ofNullable(row.notes),
                Optional.ofNullable(row.preferredChannel).map(PreferredChannel::valueOf), row.receivesMailings, row.version);
    }

    // ---- groups, relationship types

    static void fill(ClientGroupRow row, String tenant, ClientGroup g) {
        row.tenantId = tenant;
        row.id = g.id().value();
        row.name = g.name();
        row.parentId = g.parent().map(ClientGroupId::value).orElse(null);
    }

    static ClientGroup group(ClientGroupRow row) {
        return new ClientGroup(new ClientGroupId(row.id), row.name, Optional.ofNullable(row.parentId).map(ClientGroupId::new), row.version);
    }

    static void fill(RelationshipTypeRow row, String tenant, RelationshipType t) {
        row.tenantId = tenant;
        row.id = t.id().value();
        row.name = t.name();
        row.retired = t.retired();
    }

    static RelationshipType relationshipType(RelationshipTypeRow row) {
        return new RelationshipType(new RelationshipTypeId(row.id), row.name, row.retired, row.version);
    }

    // ---- property definitions

    static void fill(PropertyRow row, String tenant, PropertyDefinition d) {
        row.tenantId = tenant;
        row.id = d.key().value();
        row.label = d.label();
        row.kind = d.type().kind();
        row.maxLength = null;
        row.scale = null;
        row.minNumber = null;
        row.maxNumber = null;
        row.currency = null;
        row.minDate = null;
        row.maxDate = null;
        PropertyType type = d.type();
        if (type instanceof PropertyType.TextType) {
            row.maxLength = ((PropertyType.TextType) type).maxLength();
        } else if (type instanceof PropertyType.NumberType) {
            PropertyType.NumberType n = (PropertyType.NumberType) type;
            row.scale = n.scale();
            row.minNumber = n.min().orElse(null);
            row.maxNumber = n.max().orElse(null);
        } else if (type instanceof PropertyType.MoneyType) {
            PropertyType.MoneyType m = (PropertyType.MoneyType) type;
            row.currency = m.currency().getCurrencyCode();
            row.minNumber = m.min().orElse(null);
            row.maxNumber = m.max().orElse(null);
        } else if (type instanceof PropertyType.DateType) {
            PropertyType.DateType t = (PropertyType.DateType) type;
            row.minDate = t.min().orElse(null);
            row.maxDate = t.max().orElse(null);
        }
        row.appliesKinds = d.appliesTo().kinds().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        row.appliesGroups = d.appliesTo().groups().stream().map(ClientGroupId::toString).sorted().collect(Collectors.joining(","));
        row.required = d.required();
        row.archived = d.archived();
    }

    static List<ChoiceRow> choiceRows(String tenant, PropertyDefinition d) {
        if (!(d.type() instanceof PropertyType.ChoiceType) && !(d.type() instanceof PropertyType.MultiChoiceType)) {
            return List.of();
        }
        List<Choice> choices = d.valueList().choices();
        List<ChoiceRow> rows = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            ChoiceRow r = new ChoiceRow();
            r.tenantId = tenant;
            r.propertyKey = d.key().value();
            r.position = i;
            r.choiceId = choices.get(i).id().value();
            r.label = choices.get(i).label();
            r.retired = choices.get(i).retired();
            rows.add(r);
        }
        return rows;
    }

    static PropertyDefinition definition(PropertyRow row, List<ChoiceRow> choices) {
        ValueList values = new ValueList(choices.stream().sorted((a, b) -> Integer.compare(a.position, b.position))
                .map(c -> new Choice(new ChoiceId(c.choiceId), c.label, c.retired)).collect(Collectors.toList()));
        PropertyType type;
        switch (row.kind) {
            case "text":
                type = new PropertyType.TextType(row.maxLength);
                break;
            case "number":
                type = new PropertyType.NumberType(row.scale, Optional.ofNullable(row.minNumber),
                        Optional.ofNullable(row.maxNumber));
                break;
            case "money":
                type = new PropertyType.MoneyType(Money.currency(row.currency), Optional.ofNullable(row.minNumber),
                        Optional.ofNullable(row.maxNumber));
                break;
            case "date":
                type = new PropertyType.DateType(Optional.ofNullable(row.minDate), Optional.ofNullable(row.maxDate));
                break;
            case "boolean":
                type = new PropertyType.BooleanType();
                break;
            case "choice":
                type = new PropertyType.ChoiceType(values);
                break;
            case "multi-choice":
                type = new PropertyType.MultiChoiceType(values);
                break;
            case "employee":
                type = new PropertyType.EmployeeRefType();
                break;
            case "client":
                type = new PropertyType.ClientRefType();
                break;
            default:
                throw new IllegalStateException("unknown property kind in the database: " + row.kind);
        }
        Set<ClientKind> kinds = row.appliesKinds.isEmpty() ? Collections.emptySet()
                : Arrays.stream(row.appliesKinds.split(",")).map(ClientKind::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(ClientKind.class)));
        Set<ClientGroupId> groups = row.appliesGroups.isEmpty() ? Collections.emptySet()
                : Arrays.stream(row.appliesGroups.split(",")).map(ClientGroupId::of).collect(Collectors.toSet());
        return new PropertyDefinition(PropertyKey.of(row.id), row.label, type, new AppliesTo(kinds, groups),
                row.required, row.archived, row.version);
    }

    // ---- journal

    static AuditRow auditRow(String tenant, AuditEntry e) {
        AuditRow row = new AuditRow();
        row.tenantId = tenant;
        row.id = e.id();
        row.clientId = e.client().map(ClientId::value).orElse(null);
        row.subject = e.subject();
        row.field = e.field();
        row.oldValue = e.oldValue().orElse(null);
        row.newValue = e.newValue().orElse(null);
        row.actor = e.actor();
        row.at = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
        return row;
    }

    static AuditEntry auditEntry(AuditRow row) {
        return new AuditEntry(row.id, Optional.ofNullable(row.clientId).map(ClientId::new), row.subject, row.field, Optional.ofNullable(row.oldValue),
                Optional.ofNullable(row.newValue), row.actor, row.at.toInstant());
    }
}
