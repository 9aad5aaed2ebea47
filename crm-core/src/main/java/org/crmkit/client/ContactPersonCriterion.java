package org.crmkit.client;

import org.crmkit.common.ValidationException;
import java.util.Optional;

import org.crmkit.common.ClientId;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.PhoneNumber;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;

/**
 * The conditions on contact persons: {@code Criterion<ContactPersonCriterion>} trees select
 * persons, and, through {@link #OF_CLIENT} in a {@link ClientCriterion.Having}, the clients that
 * have such a person ("clients with a person whose e-mail is …"). {@link OfClient} goes the other
 * way: persons whose client matches a client criterion.
 */
public sealed interface ContactPersonCriterion extends Criterion.Leaf<ContactPersonCriterion> {

    /** A client's contact persons, for {@link ClientCriterion.Having}. */
    Relation<ContactPersonCriterion> OF_CLIENT = new Relation<>("contact-persons", ContactPersonCriterion.class);

    /** Whether the person satisfies this leaf; {@code clientOf} finds the person's client for {@link OfClient}. */
    boolean test(ContactPerson person, Related related);

    <R> R accept(Visitor<R> visitor);

    /** Whether the person satisfies the tree, in memory. */
    static boolean matches(Criterion<ContactPersonCriterion> criterion, ContactPerson person, Related related) {
        return criterion.holds(leaf -> leaf.test(person, related));
    }

    /** What the leaves on a person's client ask of the records around it. */
    interface Related extends ClientCriterion.Related {
        Optional<Client> client(ClientId id);
    }

    /** One method per leaf. */
    interface Visitor<R> {
        R positionIs(PositionIs criterion);

        R responsibleIs(ResponsibleIs criterion);

        R phoneIs(PhoneIs criterion);

        R emailIs(EmailIs criterion);

        R ofClient(OfClient criterion);
    }

    /** The person's position is exactly this text. */
    record PositionIs(String position) implements ContactPersonCriterion {
        public PositionIs {
            ValidationException.required(position, "position");
        }

        @Override
        public boolean test(ContactPerson person, Related related) {
            return person.position().filter(position::equals).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.positionIs(this);
        }
    }

    /** The employee responsible for the person is this one. */
    record ResponsibleIs(EmployeeId employee) implements ContactPersonCriterion {
        public ResponsibleIs {
            ValidationException.required(employee, "employee");
        }

        @Override
        public boolean test(ContactPerson person, Related related) {
            return person.responsible().filter(employee::equals).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.responsibleIs(this);
        }
    }

    /** The person has this number on any phone-like channel. */
    record PhoneIs(PhoneNumber phone) implements ContactPersonCriterion {
        public PhoneIs {
            ValidationException.required(phone, "phone");
        }

        @Override
        public boolean test(ContactPerson person, Related related) {
            return ContactRules.hasPhone(person.contacts(), phone);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.phoneIs(this);
        }
    }

    /** The person has this e-mail address, compared by {@link EmailAddress#searchKey()}. */
    record EmailIs(EmailAddress email) implements ContactPersonCriterion {
        public EmailIs {
            ValidationException.required(email, "email");
        }

        @Override
        public boolean test(ContactPerson person, Related related) {
            return ContactRules.hasEmail(person.contacts(), email);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.emailIs(this);
        }
    }

    /** The person's client satisfies the client criterion. */
    record OfClient(Criterion<ClientCriterion> client) implements ContactPersonCriterion, org.crmkit.criteria.ClockDependent<ContactPersonCriterion> {
        public OfClient {
            ValidationException.required(client, "client");
        }

        /** Depends on the clock when the rule on the client does. */
        @Override
        public boolean dependsOnClock() {
            return Criterion.dependsOnClock(client);
        }

        @Override
        public Criterion<ContactPersonCriterion> at(java.time.ZonedDateTime now) {
            ValidationException.required(now, "now");
            return dependsOnClock() ? new OfClient(Criterion.at(client, now)) : this;
        }

        @Override
        public boolean test(ContactPerson person, Related related) {
            return related.client(person.client()).filter(c -> ClientCriterion.matches(client, c, related)).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ofClient(this);
        }
    }
}
