package org.crmkit.client;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.ValidationException;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.crmkit.taxid.Inn;

/**
 * A condition on clients, as data: searches, access policies and (later) segment rules are trees
 * of these. The in-memory store evaluates a tree with {@link #test}; a database store translates
 * it, through the {@link Visitor}, into the WHERE clause of one SQL statement. Both must give the
 * same answer; the store contract kit checks that they do.
 */
public sealed interface ClientCriterion {

    boolean test(Client client);

    <R> R accept(Visitor<R> visitor);

    interface Visitor<R> {
        R all(All criterion);

        R and(And criterion);

        R or(Or criterion);

        R not(Not criterion);

        R idIn(IdIn criterion);

        R managedBy(ManagedBy criterion);

        R nameContains(NameContains criterion);

        R nameStartsWith(NameStartsWith criterion);

        R shortNameContains(ShortNameContains criterion);

        R nameWordStartsWith(NameWordStartsWith criterion);

        R codeIs(CodeIs criterion);

        R codeIn(CodeIn criterion);

        R innIs(InnIs criterion);

        R phoneIs(PhoneIs criterion);

        R emailIs(EmailIs criterion);

        R inGroups(InGroups criterion);

        R kindIs(KindIs criterion);

        R relationshipIs(RelationshipIs criterion);

        R archived(Archived criterion);

        R propertyEquals(PropertyEquals criterion);
    }

    static ClientCriterion all() {
        return All.INSTANCE;
    }

    static ClientCriterion and(ClientCriterion... parts) {
        return new And(List.of(parts));
    }

    static ClientCriterion or(ClientCriterion... parts) {
        return new Or(List.of(parts));
    }

    default ClientCriterion and(ClientCriterion other) {
        if (this instanceof All) {
            return other;
        }
        if (other instanceof All) {
            return this;
        }
        return new And(List.of(this, other));
    }

    /** Every client. */
    record All() implements ClientCriterion {
        static final All INSTANCE = new All();

        @Override
        public boolean test(Client client) {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.all(this);
        }
    }

    /** All parts hold (an empty list holds). */
    record And(List<ClientCriterion> parts) implements ClientCriterion {
        public And {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(Client client) {
            return parts.stream().allMatch(p -> p.test(client));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.and(this);
        }
    }

    /** Some part holds (an empty list does not). */
    record Or(List<ClientCriterion> parts) implements ClientCriterion {
        public Or {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(Client client) {
            return parts.stream().anyMatch(p -> p.test(client));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.or(this);
        }
    }

    record Not(ClientCriterion part) implements ClientCriterion {
        public Not {
            Objects.requireNonNull(part, "part");
        }

        @Override
        public boolean test(Client client) {
            return !part.test(client);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.not(this);
        }
    }

    record IdIn(Set<ClientId> ids) implements ClientCriterion {
        public IdIn {
            ids = Set.copyOf(ids);
        }

        @Override
        public boolean test(Client client) {
            return ids.contains(client.id());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.idIn(this);
        }
    }

    /** Clients whose main manager is one of these employees. */
    record ManagedBy(Set<EmployeeId> managers) implements ClientCriterion {
        public ManagedBy {
            managers = Set.copyOf(managers);
        }

        @Override
        public boolean test(Client client) {
            return client.manager().map(managers::contains).orElse(false);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.managedBy(this);
        }
    }

    /** The short or full name contains the fragment, ignoring case and ё/е; the fragment is kept folded. */
    record NameContains(String fragment) implements ClientCriterion {
        public NameContains {
            fragment = CleanText.fold(CleanText.require("name", fragment, 150));
        }

        @Override
        public boolean test(Client client) {
            return client.nameContains(fragment);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.nameContains(this);
        }
    }

    /**
     * The short name alone contains the fragment, ignoring case and ё/е; the fragment is kept folded.
     * Next to a {@link NameWordStartsWith}, a database store tests it on the word index's copy of the
     * folded name, before reading any client: quick search finds {@code полюс-ст} as names with a
     * word starting with {@code полюс} whose short name contains {@code полюс-ст}.
     */
    record ShortNameContains(String fragment) implements ClientCriterion {
        public ShortNameContains {
            fragment = CleanText.fold(CleanText.require("name", fragment, 150));
        }

        @Override
        public boolean test(Client client) {
            return CleanText.fold(client.shortName()).contains(fragment);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.shortNameContains(this);
        }
    }

    /**
     * The short name starts with the fragment, ignoring case and ё/е; served by the ordered index on
     * the folded short name, so a page of the first matches by name is read without sorting them all.
     */
    record NameStartsWith(String fragment) implements ClientCriterion {
        public NameStartsWith {
            fragment = CleanText.fold(CleanText.require("name", fragment, 150));
        }

        @Override
        public boolean test(Client client) {
            return CleanText.fold(client.shortName()).startsWith(fragment);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.nameStartsWith(this);
        }
    }

    /**
     * A word of the short name starts with the text, ignoring case and ё/е (see {@link NameWords}):
     * {@code перм} finds {@code ООО «Пермь-63»}. The text must be one word; a database store answers
     * from its index of name words, sorted by name, without reading every match.
     */
    record NameWordStartsWith(String prefix) implements ClientCriterion {
        public NameWordStartsWith {
            String text = CleanText.require("name", prefix, 150);
            prefix = CleanText.fold(text);
            if (!NameWords.isWord(prefix)) {
                throw new ValidationException("name", text, "is not one word (letters and digits only)");
            }
        }

        @Override
        public boolean test(Client client) {
            return NameWords.of(client.shortName()).stream().anyMatch(word -> word.startsWith(prefix));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.nameWordStartsWith(this);
        }
    }

    record CodeIs(ClientCode code) implements ClientCriterion {
        public CodeIs {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public boolean test(Client client) {
            return client.code().equals(code);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.codeIs(this);
        }
    }

    /** The client's code is one of these (an empty set matches nobody). */
    record CodeIn(Set<ClientCode> codes) implements ClientCriterion {
        public CodeIn {
            codes = Set.copyOf(codes);
        }

        @Override
        public boolean test(Client client) {
            return codes.contains(client.code());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.codeIn(this);
        }
    }

    record InnIs(Inn inn) implements ClientCriterion {
        public InnIs {
            Objects.requireNonNull(inn, "inn");
        }

        @Override
        public boolean test(Client client) {
            return client.taxIds().inn().filter(inn::equals).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.innIs(this);
        }
    }

    /** The client has this number on any phone-like channel (phone, mobile, fax, WhatsApp). */
    record PhoneIs(PhoneNumber phone) implements ClientCriterion {
        public PhoneIs {
            Objects.requireNonNull(phone, "phone");
        }

        @Override
        public boolean test(Client client) {
            return client.contacts().stream().anyMatch(c -> c.type().isPhone() && c.value().equals(phone.e164()));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.phoneIs(this);
        }
    }

    /** The client has this e-mail address, compared by {@link EmailAddress#searchKey()}. */
    record EmailIs(EmailAddress email) implements ClientCriterion {
        public EmailIs {
            Objects.requireNonNull(email, "email");
        }

        @Override
        public boolean test(Client client) {
            String key = email.searchKey();
            return client.contacts().stream()
                    .anyMatch(c -> c.type() == ContactType.EMAIL && EmailAddress.searchKeyOf(c.value()).equals(key));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.emailIs(this);
        }
    }

    /** The client's group is one of these (callers expand subgroups). */
    record InGroups(Set<ClientGroupId> groups) implements ClientCriterion {
        public InGroups {
            groups = Set.copyOf(groups);
        }

        @Override
        public boolean test(Client client) {
            return client.group().map(groups::contains).orElse(false);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.inGroups(this);
        }
    }

    record KindIs(ClientKind kind) implements ClientCriterion {
        public KindIs {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public boolean test(Client client) {
            return client.kind() == kind;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.kindIs(this);
        }
    }

    record RelationshipIs(RelationshipTypeId relationship) implements ClientCriterion {
        public RelationshipIs {
            Objects.requireNonNull(relationship, "relationship");
        }

        @Override
        public boolean test(Client client) {
            return client.relationship().filter(relationship::equals).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.relationshipIs(this);
        }
    }

    record Archived(boolean archived) implements ClientCriterion {
        @Override
        public boolean test(Client client) {
            return client.archived() == archived;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.archived(this);
        }
    }

    /**
     * The client's value of the property equals the given one. For a multi-choice property a
     * single {@link PropertyValue.ChoiceValue} matches when it is among the selected entries.
     */
    record PropertyEquals(PropertyKey key, PropertyValue value) implements ClientCriterion {
        public PropertyEquals {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (value instanceof PropertyValue.MultiChoiceValue) {
                throw new ValidationException("value", value.display(), "compare one entry at a time (a ChoiceValue)");
            }
        }

        @Override
        public boolean test(Client client) {
            return client.property(key).map(this::matches).orElse(false);
        }

        private boolean matches(PropertyValue stored) {
            if (stored instanceof PropertyValue.MultiChoiceValue && value instanceof PropertyValue.ChoiceValue) {
                return ((PropertyValue.MultiChoiceValue) stored).values().contains(((PropertyValue.ChoiceValue) value).value());
            }
            if (stored instanceof PropertyValue.NumberValue && value instanceof PropertyValue.NumberValue) {
                return ((PropertyValue.NumberValue) stored).value().compareTo(((PropertyValue.NumberValue) value).value()) == 0;
            }
            return stored.equals(value);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.propertyEquals(this);
        }
    }
}
