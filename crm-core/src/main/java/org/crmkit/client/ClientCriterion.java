package org.crmkit.client;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.crmkit.common.ClientGroupId;
import org.crmkit.common.CrmException;
import org.crmkit.criteria.ClockDependent;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.ValidationException;
import org.crmkit.property.PropertyCondition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.crmkit.taxid.Inn;

/**
 * The conditions on clients a feature-independent {@link Criterion} tree is made of: searches,
 * access policies and segment rules are {@code Criterion<ClientCriterion>}. The in-memory store
 * evaluates a leaf with {@link #test}; a database store translates it, through the exhaustive
 * {@link Visitor}, into part of the WHERE clause of one SQL statement. Both must give the same
 * answer; the store contract kit checks that they do, on random trees.
 *
 * <p>Why one file of some 500 lines: it is the sealed leaf set and its visitor, nothing else, and
 * each leaf is a small record (its checks, its {@code test}, its {@code accept}). Without
 * {@code module-info} the permitted leaves must share this package anyway; moving them to top-level
 * files would rename every leaf hosts write ({@code ClientCriterion.PhoneIs} → {@code PhoneIs}) and
 * split what must be read together. A new feature's leaves go in that feature's own sealed set,
 * not here, so this file grows only with conditions on the client card itself.
 */
public sealed interface ClientCriterion extends Criterion.Leaf<ClientCriterion> {

    /**
     * Whether the client satisfies this leaf; {@code related} answers the leaves that look at other
     * records ({@link Having}).
     */
    boolean test(Client client, Related related);

    <R> R accept(Visitor<R> visitor);

    /** Whether the client satisfies the tree, in memory. */
    static boolean matches(Criterion<ClientCriterion> criterion, Client client, Related related) {
        return criterion.holds(leaf -> leaf.test(client, related));
    }

    /**
     * Whether the rule changes its answer with time alone ("a date in the last 30 days", "no
     * interaction for 30 days"), at any depth, through {@link Having} and the trees on clients that
     * related leaves hold: such a saved rule needs a periodic sweep, the others change only with
     * the records. The same as {@link Criterion#dependsOnClock}, named for clients.
     */
    static boolean dependsOnClock(Criterion<ClientCriterion> rule) {
        return Criterion.dependsOnClock(rule);
    }

    /**
     * The rule with its relative dates read at {@code now} (today is {@code now}'s date in its
     * zone): what the stores evaluate. The use cases call it with the Crm's clock.
     */
    static Criterion<ClientCriterion> at(Criterion<ClientCriterion> rule, ZonedDateTime now) {
        return Criterion.at(rule, now);
    }

    /** What leaves on related records ask of the records around a client. */
    interface Related {
        /** Whether the client has a record of the relation that satisfies the criterion. */
        <M extends Criterion.Leaf<M>> boolean any(Relation<M> relation, ClientId client, Criterion<M> criterion);

        /** For a lone client: a tree with a {@link Having} leaf cannot be answered without the store. */
        Related NONE = new Related() {
            @Override
            public <M extends Criterion.Leaf<M>> boolean any(Relation<M> relation, ClientId client, Criterion<M> criterion) {
                throw new CrmException("the condition on " + relation.name() + " of a client can only be answered by a store");
            }
        };
    }

    /** One method per leaf: a translator that forgets one does not compile. */
    interface Visitor<R> {
        R idIn(IdIn criterion);

        R managedBy(ManagedBy criterion);

        R nameContains(NameContains criterion);

        R nameStartsWith(NameStartsWith criterion);

        R nameWordStartsWith(NameWordStartsWith criterion);

        R codeIs(CodeIs criterion);

        R codeIn(CodeIn criterion);

        R innIs(InnIs criterion);

        R phoneIs(PhoneIs criterion);

        R emailIs(EmailIs criterion);

        R phoneEndsWith(PhoneEndsWith criterion);

        R emailStartsWith(EmailStartsWith criterion);

        R emailEndsWith(EmailEndsWith criterion);

        R inGroups(InGroups criterion);

        R kindIs(KindIs criterion);

        R relationshipIs(RelationshipIs criterion);

        R archived(Archived criterion);

        R registeredOnOrBefore(RegisteredOnOrBefore criterion);

        R propertyEquals(PropertyEquals criterion);

        R propertyMatches(PropertyMatches criterion);

        R hasEmail(HasEmail criterion);

        R hasMobilePhone(HasMobilePhone criterion);

        R having(Having<?> criterion);
    }

    /**
     * The client has at least one record of {@code relation} (its contact persons; its
     * interactions, deals… as those features come) that satisfies {@code criterion}. The relation
     * is declared by the feature that owns the related records, so this package needs to know none
     * of them; a store translates it by the relation's name. It {@linkplain ClockDependent depends
     * on the clock} when its criterion does.
     */
    record Having<M extends Criterion.Leaf<M>>(Relation<M> relation, Criterion<M> criterion)
            implements ClientCriterion, ClockDependent<ClientCriterion> {
        public Having {
            ValidationException.required(relation, "relation");
            ValidationException.required(criterion, "criterion");
        }

        @Override
        public boolean test(Client client, Related related) {
            return related.any(relation, client.id(), criterion);
        }

        @Override
        public boolean dependsOnClock() {
            return Criterion.dependsOnClock(criterion);
        }

        @Override
        public Criterion<ClientCriterion> at(ZonedDateTime now) {
            ValidationException.required(now, "now");
            return dependsOnClock() ? new Having<>(relation, Criterion.at(criterion, now)) : this;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.having(this);
        }
    }

    /** The client is one of these ids (none selects nothing). */
    record IdIn(Set<ClientId> ids) implements ClientCriterion {
        public IdIn {
            ids = Set.copyOf(ValidationException.requiredElements(ids, "ids"));
        }

        @Override
        public boolean test(Client client, Related related) {
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
            managers = Set.copyOf(ValidationException.requiredElements(managers, "managers"));
        }

        @Override
        public boolean test(Client client, Related related) {
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
        public boolean test(Client client, Related related) {
            return client.nameContains(fragment);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.nameContains(this);
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
        public boolean test(Client client, Related related) {
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
        public boolean test(Client client, Related related) {
            return NameWords.of(client.shortName()).stream().anyMatch(word -> word.startsWith(prefix));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.nameWordStartsWith(this);
        }
    }

    /** The client has exactly this code. */
    record CodeIs(ClientCode code) implements ClientCriterion {
        public CodeIs {
            ValidationException.required(code, "code");
        }

        @Override
        public boolean test(Client client, Related related) {
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
            codes = Set.copyOf(ValidationException.requiredElements(codes, "codes"));
        }

        @Override
        public boolean test(Client client, Related related) {
            return codes.contains(client.code());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.codeIn(this);
        }
    }

    /** The client has this INN. */
    record InnIs(Inn inn) implements ClientCriterion {
        public InnIs {
            ValidationException.required(inn, "inn");
        }

        @Override
        public boolean test(Client client, Related related) {
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
            ValidationException.required(phone, "phone");
        }

        @Override
        public boolean test(Client client, Related related) {
            return ContactRules.hasPhone(client.contacts(), phone);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.phoneIs(this);
        }
    }

    /** The client has this e-mail address, compared by {@link EmailAddress#searchKey()}. */
    record EmailIs(EmailAddress email) implements ClientCriterion {
        public EmailIs {
            ValidationException.required(email, "email");
        }

        @Override
        public boolean test(Client client, Related related) {
            return ContactRules.hasEmail(client.contacts(), email);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.emailIs(this);
        }
    }

    /**
     * The client has a number on a phone-like channel that ends with these digits: the last 4 to 15
     * digits of a number, as a person remembers them. A database store answers it from an index of
     * the reversed numbers.
     */
    record PhoneEndsWith(String digits) implements ClientCriterion {
        /** Compiled once: a quick search of 4 to 7 digits builds this leaf on every call. */
        private static final Pattern DIGITS = Pattern.compile("[0-9]{4,15}");

        public PhoneEndsWith {
            ValidationException.required(digits, "digits");
            if (!DIGITS.matcher(digits).matches()) {
                throw new ValidationException("digits", digits, "must be 4 to 15 digits 0-9");
            }
        }

        @Override
        public boolean test(Client client, Related related) {
            return ContactRules.hasPhoneEndingWith(client.contacts(), digits);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.phoneEndsWith(this);
        }
    }

    /**
     * The client has an e-mail address whose {@linkplain EmailAddress#searchKey search key} starts
     * with the prefix ({@code ivan@}, {@code ivan@pri}); the prefix is kept in lower case.
     */
    record EmailStartsWith(String prefix) implements ClientCriterion {
        public EmailStartsWith {
            prefix = EmailAddress.searchKeyOf(CleanText.require("email", prefix, 254));
        }

        @Override
        public boolean test(Client client, Related related) {
            return ContactRules.hasEmailKey(client.contacts(), key -> key.startsWith(prefix));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.emailStartsWith(this);
        }
    }

    /**
     * The client has an e-mail address whose {@linkplain EmailAddress#searchKey search key} ends
     * with the suffix ({@code @prime.ru}: the addresses of a domain); kept in lower case. A database
     * store answers it from an index of the reversed addresses.
     */
    record EmailEndsWith(String suffix) implements ClientCriterion {
        public EmailEndsWith {
            suffix = EmailAddress.searchKeyOf(CleanText.require("email", suffix, 254));
        }

        @Override
        public boolean test(Client client, Related related) {
            return ContactRules.hasEmailKey(client.contacts(), key -> key.endsWith(suffix));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.emailEndsWith(this);
        }
    }

    /** The client's group is one of these (callers expand subgroups). */
    record InGroups(Set<ClientGroupId> groups) implements ClientCriterion {
        public InGroups {
            groups = Set.copyOf(ValidationException.requiredElements(groups, "groups"));
        }

        @Override
        public boolean test(Client client, Related related) {
            return client.group().map(groups::contains).orElse(false);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.inGroups(this);
        }
    }

    /** The client is of this kind (legal entity, sole proprietor, person). */
    record KindIs(ClientKind kind) implements ClientCriterion {
        public KindIs {
            ValidationException.required(kind, "kind");
        }

        @Override
        public boolean test(Client client, Related related) {
            return client.kind() == kind;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.kindIs(this);
        }
    }

    /** The client has this relationship type. */
    record RelationshipIs(RelationshipTypeId relationship) implements ClientCriterion {
        public RelationshipIs {
            ValidationException.required(relationship, "relationship");
        }

        @Override
        public boolean test(Client client, Related related) {
            return client.relationship().filter(relationship::equals).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.relationshipIs(this);
        }
    }

    /** The client is archived ({@code true}) or active ({@code false}). */
    record Archived(boolean archived) implements ClientCriterion {
        @Override
        public boolean test(Client client, Related related) {
            return client.archived() == archived;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.archived(this);
        }
    }

    /**
     * The client was registered on this day or before it ({@link Client#registeredOn()}): in a
     * report over a period, a client registered after the period's last day was not a client then.
     * "Registered between a and b" is this leaf for b and NOT this leaf for the day before a.
     */
    record RegisteredOnOrBefore(LocalDate day) implements ClientCriterion {
        public RegisteredOnOrBefore {
            ValidationException.required(day, "day");
        }

        @Override
        public boolean test(Client client, Related related) {
            return !client.registeredOn().isAfter(day);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.registeredOnOrBefore(this);
        }
    }

    /**
     * The client's value of the property equals the given one. For a multi-choice property a
     * single {@link PropertyValue.ChoiceValue} matches when it is among the selected entries.
     */
    record PropertyEquals(PropertyKey key, PropertyValue value) implements ClientCriterion {
        public PropertyEquals {
            ValidationException.required(key, "key");
            ValidationException.required(value, "value");
            if (value instanceof PropertyValue.MultiChoiceValue) {
                throw new ValidationException("value", value.display(), "compare one entry at a time (a ChoiceValue)");
            }
        }

        @Override
        public boolean test(Client client, Related related) {
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

    /**
     * The client's value of the property satisfies the condition: by type, with the operators of
     * {@link PropertyCondition}. A client without a value matches only {@link PropertyCondition.NotEqualTo}
     * and {@link PropertyCondition.Empty} (so {@code not equal} and {@code not (equal)} agree), never
     * {@code contains}, {@code starts with} or a comparison. Check a condition against the property's
     * type with {@link PropertyCondition#checkFits} where the type is known. A relative date
     * condition makes the leaf {@linkplain ClockDependent depend on the clock}.
     */
    record PropertyMatches(PropertyKey key, PropertyCondition condition) implements ClientCriterion, ClockDependent<ClientCriterion> {
        public PropertyMatches {
            ValidationException.required(key, "key");
            ValidationException.required(condition, "condition");
        }

        @Override
        public boolean test(Client client, Related related) {
            return condition.test(client.property(key));
        }

        @Override
        public boolean dependsOnClock() {
            return condition.dependsOnClock();
        }

        @Override
        public Criterion<ClientCriterion> at(ZonedDateTime now) {
            ValidationException.required(now, "now");
            return dependsOnClock() ? new PropertyMatches(key, condition.at(now.toLocalDate())) : this;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.propertyMatches(this);
        }
    }

    /**
     * The client's card holds an e-mail address. Every stored address passed {@link EmailAddress}'s
     * checks, so it is a valid one; whether the client may receive mail is a consent question
     * ({@code ConsentCriterion}, {@code SuppressionCriterion}).
     */
    record HasEmail() implements ClientCriterion {
        @Override
        public boolean test(Client client, Related related) {
            return client.contacts().stream().anyMatch(c -> c.type() == ContactType.EMAIL);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.hasEmail(this);
        }
    }

    /** The client's card holds a mobile phone (a contact of type {@link ContactType#MOBILE}). */
    record HasMobilePhone() implements ClientCriterion {
        @Override
        public boolean test(Client client, Related related) {
            return client.contacts().stream().anyMatch(c -> c.type() == ContactType.MOBILE);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.hasMobilePhone(this);
        }
    }
}
