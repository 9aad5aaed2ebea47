package org.crmkit.client;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;

/**
 * A client (aggregate root): a company, a sole proprietor or a person the business works with.
 *
 * <p>Immutable: every verb returns the changed client at the same version, and a store saves it
 * only if nobody saved another change since that version was read. Invariants: a short name is
 * present; tax identifiers fit the kind; at most one contact entry per channel is primary and no
 * channel holds the same value twice; property values were checked against their definitions when
 * assigned. Clients are archived, never deleted.
 *
 * <p>{@code null} is refused with a {@link org.crmkit.common.ValidationException} naming the field,
 * except by the verbs that clear an optional field, where it means "none": {@code withFullName},
 * {@code moveToGroup}, {@code classifyAs}, {@code assignManager}, {@code changeNotes}, {@code prefer}.
 *
 * @param version 0 for a client never stored; the store increments it on every save
 */
public record Client(ClientId id, ClientCode code, ClientKind kind, String shortName, Optional<String> fullName,
                     Optional<ClientGroupId> group, Optional<RelationshipTypeId> relationship,
                     Optional<EmployeeId> manager, LocalDate registeredOn, Location location,
                     TaxIdentifiers taxIds, List<ContactEntry> contacts, Map<PropertyKey, PropertyValue> properties,
                     Optional<String> notes, Optional<PreferredChannel> preferredChannel, boolean archived, long version) {

    public static final int SHORT_NAME_MAX = 150;
    public static final int FULL_NAME_MAX = 500;

    public Client {
        ValidationException.required(id, "id");
        ValidationException.required(code, "code");
        ValidationException.required(kind, "kind");
        ValidationException.required(group, "group");
        ValidationException.required(relationship, "relationship");
        ValidationException.required(manager, "manager");
        ValidationException.required(registeredOn, "registeredOn");
        ValidationException.required(location, "location");
        ValidationException.required(taxIds, "taxIds");
        ValidationException.required(fullName, "fullName");
        ValidationException.required(notes, "notes");
        ValidationException.required(preferredChannel, "preferredChannel");
        shortName = CleanText.require("shortName", shortName, SHORT_NAME_MAX);
        fullName = fullName.flatMap(n -> CleanText.optional("fullName", n, FULL_NAME_MAX));
        notes = notes.flatMap(n -> CleanText.multiline("notes", n, 10_000));
        taxIds.checkFor(kind);
        contacts = ContactRules.check(contacts);
        properties = Collections.unmodifiableMap(new TreeMap<>(ValidationException.required(properties, "properties")));
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
    }

    /** A new client: no group, relationship or manager yet, not stored (version 0). */
    public static Client register(ClientId id, ClientCode code, ClientKind kind, String shortName, LocalDate registeredOn) {
        return new Client(id, code, kind, shortName, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), registeredOn, Location.UNKNOWN, TaxIdentifiers.NONE, List.of(), Map.of(),
                Optional.empty(), Optional.empty(), false, 0);
    }

    public Client rename(String newShortName, Optional<String> newFullName) {
        return with(f -> {
            f.shortName = newShortName;
            f.fullName = newFullName;
        });
    }

    public Client withFullName(String newFullName) {
        return rename(shortName, Optional.ofNullable(newFullName));
    }

    /** Changes the legal form; the tax identifiers must fit the new kind. */
    public Client changeKind(ClientKind newKind) {
        return with(f -> f.kind = newKind);
    }

    public Client recode(ClientCode newCode) {
        return with(f -> f.code = newCode);
    }

    public Client moveToGroup(ClientGroupId newGroup) {
        return with(f -> f.group = Optional.ofNullable(newGroup));
    }

    public Client classifyAs(RelationshipTypeId newRelationship) {
        return with(f -> f.relationship = Optional.ofNullable(newRelationship));
    }

    /** Hands the client to a main manager; {@code null} leaves it without one. */
    public Client assignManager(EmployeeId newManager) {
        return with(f -> f.manager = Optional.ofNullable(newManager));
    }

    public Client registeredOn(LocalDate date) {
        return with(f -> f.registeredOn = date);
    }

    public Client relocate(Location newLocation) {
        return with(f -> f.location = newLocation);
    }

    public Client changeTaxIds(TaxIdentifiers newTaxIds) {
        return with(f -> f.taxIds = newTaxIds);
    }

    /**
     * Adds a contact entry. A primary entry takes the primary mark from the channel's previous
     * primary; the first entry of a channel becomes primary by itself.
     */
    public Client addContact(ContactEntry entry) {
        ValidationException.required(entry, "contact");
        return withContacts(ContactRules.add(contacts, entry));
    }

    /** Removes the entry with the same channel and value; the next entry of the channel becomes primary. */
    public Client removeContact(ContactEntry entry) {
        ValidationException.required(entry, "contact");
        return withContacts(ContactRules.remove(contacts, entry, "client " + code));
    }

    public Client withContacts(List<ContactEntry> newContacts) {
        ValidationException.required(newContacts, "contacts");
        return with(f -> f.contacts = newContacts);
    }

    public Optional<ContactEntry> primaryContact(ContactType type) {
        ValidationException.required(type, "type");
        return contacts.stream().filter(c -> c.type() == type && c.primary()).findFirst();
    }

    /**
     * The number to call the client on: of its {@link ContactType#PHONE} and {@link ContactType#MOBILE}
     * entries, the first one marked primary, else the first one listed. Fax and messenger numbers
     * are not it.
     */
    public Optional<ContactEntry> mainPhone() {
        Optional<ContactEntry> primary = contacts.stream().filter(c -> isCallable(c) && c.primary()).findFirst();
        return primary.isPresent() ? primary : contacts.stream().filter(Client::isCallable).findFirst();
    }

    private static boolean isCallable(ContactEntry entry) {
        return entry.type() == ContactType.PHONE || entry.type() == ContactType.MOBILE;
    }

    public List<ContactEntry> contacts(ContactType type) {
        ValidationException.required(type, "type");
        return contacts.stream().filter(c -> c.type() == type).collect(Collectors.toList());
    }

    /** Sets an additional property; the value is checked against the definition (type, limits, archived). */
    public Client setProperty(PropertyDefinition definition, PropertyValue value) {
        ValidationException.required(definition, "property");
        PropertyValue checked = definition.check(value);
        Map<PropertyKey, PropertyValue> next = new TreeMap<>(properties);
        next.put(definition.key(), checked);
        return withProperties(next);
    }

    public Client clearProperty(PropertyKey key) {
        ValidationException.required(key, "property");
        Map<PropertyKey, PropertyValue> next = new TreeMap<>(properties);
        next.remove(key);
        return withProperties(next);
    }

    private Client withProperties(Map<PropertyKey, PropertyValue> next) {
        return with(f -> f.properties = next);
    }

    public Optional<PropertyValue> property(PropertyKey key) {
        ValidationException.required(key, "property");
        return Optional.ofNullable(properties.get(key));
    }

    public Client changeNotes(String newNotes) {
        return with(f -> f.notes = Optional.ofNullable(newNotes));
    }

    /** Notes how the client prefers to be reached; {@code null} clears it. */
    public Client prefer(PreferredChannel channel) {
        return with(f -> f.preferredChannel = Optional.ofNullable(channel));
    }

    public Client archive() {
        return with(f -> f.archived = true);
    }

    public Client restore() {
        return with(f -> f.archived = false);
    }

    /** The client as a store returns it after saving: same content, the stored version. */
    public Client withVersion(long storedVersion) {
        return with(f -> f.version = storedVersion);
    }

    /** Whether the client's names contain the fragment, ignoring case and ё/е. */
    public boolean nameContains(String foldedFragment) {
        ValidationException.required(foldedFragment, "fragment");
        return CleanText.fold(shortName).contains(foldedFragment)
                || fullName.map(n -> CleanText.fold(n).contains(foldedFragment)).orElse(false);
    }

    /**
     * The client's content as field → text, for the audit journal: equal maps mean no change worth
     * recording. Property values appear as {@code properties.<key>}.
     */
    public Map<String, String> auditView() {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("code", code.value());
        view.put("kind", kind.name());
        view.put("shortName", shortName);
        view.put("fullName", fullName.orElse(null));
        view.put("group", group.map(ClientGroupId::toString).orElse(null));
        view.put("relationship", relationship.map(RelationshipTypeId::value).orElse(null));
        view.put("manager", manager.map(EmployeeId::value).orElse(null));
        view.put("registeredOn", registeredOn.toString());
        view.put("region", location.region().orElse(null));
        view.put("city", location.city().orElse(null));
        view.put("industry", location.industry().orElse(null));
        view.put("inn", taxIds.inn().map(i -> i.value()).orElse(null));
        view.put("kpp", taxIds.kpp().map(k -> k.value()).orElse(null));
        view.put("ogrn", taxIds.ogrn().map(o -> o.value()).orElse(null));
        view.put("okpo", taxIds.okpo().map(o -> o.value()).orElse(null));
        view.put("contacts", contacts.isEmpty() ? null : contacts.stream()
                .map(c -> c.type() + "=" + c.value() + c.label().map(l -> " (" + l + ")").orElse("") + (c.primary() ? " *" : ""))
                .collect(Collectors.joining("; ")));
        view.put("notes", notes.orElse(null));
        view.put("preferredChannel", preferredChannel.map(PreferredChannel::name).orElse(null));
        view.put("archived", Boolean.toString(archived));
        properties.forEach((key, value) -> view.put("properties." + key, value.display()));
        return view;
    }

    /** A copy with some fields changed by {@code change}, checked as a new client is. */
    private Client with(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return new Client(f.id, f.code, f.kind, f.shortName, f.fullName, f.group, f.relationship, f.manager, f.registeredOn,
                f.location, f.taxIds, f.contacts, f.properties, f.notes, f.preferredChannel, f.archived, f.version);
    }

    /** The fields of a client while a verb changes them. */
    private static final class Fields {
        ClientId id;
        ClientCode code;
        ClientKind kind;
        String shortName;
        Optional<String> fullName;
        Optional<ClientGroupId> group;
        Optional<RelationshipTypeId> relationship;
        Optional<EmployeeId> manager;
        LocalDate registeredOn;
        Location location;
        TaxIdentifiers taxIds;
        List<ContactEntry> contacts;
        Map<PropertyKey, PropertyValue> properties;
        Optional<String> notes;
        Optional<PreferredChannel> preferredChannel;
        boolean archived;
        long version;

        Fields(Client c) {
            id = c.id;
            code = c.code;
            kind = c.kind;
            shortName = c.shortName;
            fullName = c.fullName;
            group = c.group;
            relationship = c.relationship;
            manager = c.manager;
            registeredOn = c.registeredOn;
            location = c.location;
            taxIds = c.taxIds;
            contacts = c.contacts;
            properties = c.properties;
            notes = c.notes;
            preferredChannel = c.preferredChannel;
            archived = c.archived;
            version = c.version;
        }
    }
}
