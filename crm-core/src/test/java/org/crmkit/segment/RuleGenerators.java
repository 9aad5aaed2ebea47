package org.crmkit.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ContactPersonCriterion;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.SuppressionCriterion;
import org.crmkit.consent.SuppressionReason;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.DealCriterion;
import org.crmkit.deal.DealId;
import org.crmkit.deal.StageKind;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.Importance;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionState;
import org.crmkit.ledger.ClientClassCriterion;
import org.crmkit.ledger.ClientClasses;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyCondition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.crmkit.survey.SurveyCriterion;
import org.crmkit.taxid.Inn;
import org.quicktheories.impl.Constraint;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Random rules over every leaf family the JSON and text faces cover, with values drawn from
 * {@link SegmentSamples} and from hostile texts (quotes, SQL, comment markers, bidi and zero-width
 * characters). And/or have two or three parts, the form a person types.
 */
public final class RuleGenerators {
    /** Texts that try to break out of a literal, a statement or a line. */
    public static final List<String> HOSTILE = List.of("Кухонная мебель", "O'Brien", "'); DROP TABLE crm_client; --",
            "\"; DELETE FROM crm_client; --", "/* */", "*/ or 1=1 /*", "a\\b\\\\c", "say \"hi\"", "tab\there", "two\nlines",
            "\u202Eevil\u202C", "zero\u200Bwidth", "nul\u0000byte", "Ёлка-ёж", "%_\\%", "${jndi:ldap://x}", " leading and trailing ",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀", "x".repeat(300), "\\u0041", "and or not (", ")");

    private RuleGenerators() {
    }

    /** A rule of depth up to {@code depth}. */
    public static Gen<Criterion<ClientCriterion>> rules(int depth) {
        return in -> client(in, depth);
    }

    static int pick(RandomnessSource in, int bound) {
        return (int) in.next(Constraint.between(0, bound - 1));
    }

    static <T> T one(RandomnessSource in, List<T> values) {
        return values.get(pick(in, values.size()));
    }

    /** A value made from a hostile text, or from a plain one when the value or {@link RuleLimits} refuses it. */
    static <T> T text(RandomnessSource in, Function<String, T> make, String plain) {
        try {
            return make.apply(RuleLimits.checkString("text", one(in, HOSTILE)));
        } catch (ValidationException e) {
            return make.apply(plain);
        }
    }

    private static <L extends Criterion.Leaf<L>> Criterion<L> tree(RandomnessSource in, int depth, Function<Integer, Criterion<L>> sub,
            Supplier<Criterion<L>> leaf) {
        int choice = pick(in, depth <= 0 ? 5 : 9);
        switch (choice) {
            case 5:
            case 6:
                return new Criterion.And<>(parts(in, depth, sub));
            case 7:
                return new Criterion.Or<>(parts(in, depth, sub));
            case 8:
                return Criterion.not(sub.apply(depth - 1));
            case 4:
                if (pick(in, 4) == 0) {
                    return pick(in, 2) == 0 ? Criterion.all() : Criterion.none();
                }
                return leaf.get();
            default:
                return leaf.get();
        }
    }

    private static <L extends Criterion.Leaf<L>> List<Criterion<L>> parts(RandomnessSource in, int depth, Function<Integer, Criterion<L>> sub) {
        int n = 2 + pick(in, 2);
        List<Criterion<L>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(sub.apply(depth - 1));
        }
        return parts;
    }

    static Criterion<ClientCriterion> client(RandomnessSource in, int depth) {
        return tree(in, depth, d -> client(in, d), () -> clientLeaf(in, depth));
    }

    private static <T> Set<T> some(RandomnessSource in, Supplier<T> value) {
        Set<T> values = new LinkedHashSet<>();
        int n = pick(in, 4);
        for (int i = 0; i < n; i++) {
            values.add(value.get());
        }
        return values;
    }

    private static UUID uuid(RandomnessSource in) {
        return new UUID(in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE)), in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE)));
    }

    private static EmployeeId employee(RandomnessSource in) {
        return EmployeeId.of(one(in, List.of("panina", "abdulov", "ivanov.i", "o'brien")));
    }

    private static LocalDate day(RandomnessSource in) {
        return LocalDate.of(2020, 1, 1).plusDays(pick(in, 2000));
    }

    private static Criterion<ClientCriterion> clientLeaf(RandomnessSource in, int depth) {
        switch (pick(in, 22)) {
            case 0:
                return new ClientCriterion.IdIn(some(in, () -> new ClientId(uuid(in))));
            case 1:
                return new ClientCriterion.ManagedBy(some(in, () -> employee(in)));
            case 2:
                return text(in, ClientCriterion.NameContains::new, "мебель");
            case 3:
                return text(in, ClientCriterion.NameStartsWith::new, "ооо");
            case 4:
                return text(in, ClientCriterion.NameWordStartsWith::new, "перм");
            case 5:
                return new ClientCriterion.CodeIs(text(in, ClientCode::of, "X-1"));
            case 6:
                return new ClientCriterion.CodeIn(some(in, () -> text(in, ClientCode::of, "X-" + pick(in, 99))));
            case 7:
                return new ClientCriterion.InnIs(Inn.parse(one(in, List.of("7707083893", "500100732259"))));
            case 8:
                return new ClientCriterion.PhoneIs(new PhoneNumber("+7916" + (1000000 + pick(in, 8999999))));
            case 9:
                return new ClientCriterion.EmailIs(EmailAddress.parse("client" + pick(in, 9) + "@example.ru"));
            case 10:
                return new ClientCriterion.PhoneEndsWith(String.valueOf(1000 + pick(in, 8999)));
            case 11:
                return new ClientCriterion.EmailStartsWith(one(in, List.of("ivan@", "client", "o'brien")));
            case 12:
                return new ClientCriterion.EmailEndsWith(one(in, List.of("@prime.ru", ".ru")));
            case 13:
                return new ClientCriterion.InGroups(some(in, () -> one(in, SegmentSamples.GROUPS)));
            case 14:
                return new ClientCriterion.KindIs(one(in, List.of(ClientKind.values())));
            case 15:
                return new ClientCriterion.RelationshipIs(one(in, SegmentSamples.RELATIONSHIPS));
            case 16:
                return new ClientCriterion.Archived(pick(in, 2) == 0);
            case 17:
                return new ClientCriterion.RegisteredOnOrBefore(day(in));
            case 18:
                return property(in);
            case 19:
                return condition(in);
            default:
                return having(in, depth);
        }
    }

    private static Criterion<ClientCriterion> property(RandomnessSource in) {
        switch (pick(in, 9)) {
            case 0:
                return new ClientCriterion.PropertyEquals(SegmentSamples.INTEREST,
                        PropertyValue.choice(one(in, List.of(SegmentSamples.KITCHEN, SegmentSamples.OFFICE, SegmentSamples.PARTS))));
            case 1:
                return new ClientCriterion.PropertyEquals(SegmentSamples.INTERESTS,
                        PropertyValue.choice(one(in, List.of(SegmentSamples.KITCHEN, SegmentSamples.OFFICE, SegmentSamples.PARTS))));
            case 2:
                return new ClientCriterion.PropertyEquals(SegmentSamples.ACTIVITY, text(in, PropertyValue::text, "Сборка мебели"));
            case 3:
                return new ClientCriterion.PropertyEquals(SegmentSamples.STAFF,
                        new PropertyValue.NumberValue(BigDecimal.valueOf(in.next(Constraint.between(-100000, 100000)), pick(in, 3))));
            case 4:
                return new ClientCriterion.PropertyEquals(SegmentSamples.TURNOVER,
                        PropertyValue.money(new Money(BigDecimal.valueOf(in.next(Constraint.between(0, 10000000)), 2), java.util.Currency.getInstance("RUB"))));
            case 5:
                return new ClientCriterion.PropertyEquals(SegmentSamples.SEMINAR, PropertyValue.date(day(in)));
            case 6:
                return new ClientCriterion.PropertyEquals(SegmentSamples.COMPETITOR, PropertyValue.bool(pick(in, 2) == 0));
            case 7:
                return new ClientCriterion.PropertyEquals(SegmentSamples.ACCOUNT, PropertyValue.employee(employee(in)));
            default:
                return new ClientCriterion.PropertyEquals(SegmentSamples.PARENT, PropertyValue.client(new ClientId(uuid(in))));
        }
    }

    private static PropertyValue number(RandomnessSource in) {
        return new PropertyValue.NumberValue(BigDecimal.valueOf(in.next(Constraint.between(-100000, 100000)), pick(in, 3)));
    }

    private static PropertyValue rubles(RandomnessSource in) {
        return PropertyValue.money(new Money(BigDecimal.valueOf(in.next(Constraint.between(0, 10000000)), 2), java.util.Currency.getInstance("RUB")));
    }

    private static PropertyValue choice(RandomnessSource in) {
        return PropertyValue.choice(one(in, List.of(SegmentSamples.KITCHEN, SegmentSamples.OFFICE, SegmentSamples.PARTS)));
    }

    private static Set<ChoiceId> choices(RandomnessSource in) {
        Set<ChoiceId> choices = some(in, () -> one(in, List.of(SegmentSamples.KITCHEN, SegmentSamples.OFFICE, SegmentSamples.PARTS)));
        return choices.isEmpty() ? Set.of(SegmentSamples.OFFICE) : choices;
    }

    /** A value of the property's type, for the conditions that take one. */
    private static PropertyValue valueOf(RandomnessSource in, PropertyKey key) {
        if (key.equals(SegmentSamples.ACTIVITY)) {
            return text(in, PropertyValue::text, "Сборка мебели");
        }
        if (key.equals(SegmentSamples.STAFF)) {
            return number(in);
        }
        if (key.equals(SegmentSamples.TURNOVER)) {
            return rubles(in);
        }
        if (key.equals(SegmentSamples.SEMINAR)) {
            return PropertyValue.date(day(in));
        }
        if (key.equals(SegmentSamples.COMPETITOR)) {
            return PropertyValue.bool(pick(in, 2) == 0);
        }
        if (key.equals(SegmentSamples.ACCOUNT)) {
            return PropertyValue.employee(employee(in));
        }
        if (key.equals(SegmentSamples.PARENT)) {
            return PropertyValue.client(new ClientId(uuid(in)));
        }
        return choice(in);
    }

    private static final List<PropertyKey> EVERY_PROPERTY = List.of(SegmentSamples.INTEREST, SegmentSamples.INTERESTS, SegmentSamples.ACTIVITY,
            SegmentSamples.STAFF, SegmentSamples.TURNOVER, SegmentSamples.SEMINAR, SegmentSamples.COMPETITOR, SegmentSamples.ACCOUNT,
            SegmentSamples.PARENT);
    private static final List<PropertyKey> ORDERED = List.of(SegmentSamples.STAFF, SegmentSamples.TURNOVER, SegmentSamples.SEMINAR);

    /** A property condition of every kind, on a property whose type it fits. */
    private static Criterion<ClientCriterion> condition(RandomnessSource in) {
        switch (pick(in, 14)) {
            case 0: {
                PropertyKey key = one(in, EVERY_PROPERTY);
                return new ClientCriterion.PropertyMatches(key, new PropertyCondition.EqualTo(valueOf(in, key)));
            }
            case 1: {
                PropertyKey key = one(in, EVERY_PROPERTY);
                return new ClientCriterion.PropertyMatches(key, new PropertyCondition.NotEqualTo(valueOf(in, key)));
            }
            case 2: {
                PropertyKey key = one(in, EVERY_PROPERTY);
                Set<PropertyValue> values = some(in, () -> valueOf(in, key));
                values.add(valueOf(in, key));
                return new ClientCriterion.PropertyMatches(key, new PropertyCondition.In(values));
            }
            case 3:
                return new ClientCriterion.PropertyMatches(SegmentSamples.ACTIVITY, text(in, PropertyCondition.Contains::new, "мебел"));
            case 4:
                return new ClientCriterion.PropertyMatches(SegmentSamples.ACTIVITY, text(in, PropertyCondition.StartsWith::new, "Сбор"));
            case 5: {
                PropertyKey key = one(in, ORDERED);
                return new ClientCriterion.PropertyMatches(key, new PropertyCondition.AtLeast(valueOf(in, key)));
            }
            case 6: {
                PropertyKey key = one(in, ORDERED);
                return new ClientCriterion.PropertyMatches(key, new PropertyCondition.AtMost(valueOf(in, key)));
            }
            case 7: {
                PropertyKey key = one(in, ORDERED);
                PropertyValue a = valueOf(in, key);
                PropertyValue b = valueOf(in, key);
                boolean ordered = new PropertyCondition.AtLeast(a).test(java.util.Optional.of(b));
                return new ClientCriterion.PropertyMatches(key, ordered ? new PropertyCondition.Between(a, b) : new PropertyCondition.Between(b, a));
            }
            case 8:
                return new ClientCriterion.PropertyMatches(SegmentSamples.SEMINAR, new PropertyCondition.WithinLastDays(pick(in, 400)));
            case 9:
                return new ClientCriterion.PropertyMatches(SegmentSamples.SEMINAR, new PropertyCondition.MoreThanDaysAgo(pick(in, 400)));
            case 10:
                return new ClientCriterion.PropertyMatches(one(in, EVERY_PROPERTY), new PropertyCondition.Filled());
            case 11:
                return new ClientCriterion.PropertyMatches(one(in, EVERY_PROPERTY), new PropertyCondition.Empty());
            case 12:
                return new ClientCriterion.PropertyMatches(one(in, List.of(SegmentSamples.INTEREST, SegmentSamples.INTERESTS)),
                        new PropertyCondition.AnyOf(choices(in)));
            default:
                return new ClientCriterion.PropertyMatches(one(in, List.of(SegmentSamples.INTEREST, SegmentSamples.INTERESTS)),
                        new PropertyCondition.AllOf(choices(in)));
        }
    }

    private static Criterion<ClientCriterion> having(RandomnessSource in, int depth) {
        int d = Math.max(0, depth - 1);
        switch (pick(in, 8)) {
            case 0:
                return new ClientCriterion.Having<>(ContactPersonCriterion.OF_CLIENT, tree(in, d, x -> person(in, x), () -> personLeaf(in, d)));
            case 1:
            case 2:
                return new ClientCriterion.Having<>(InteractionCriterion.OF_CLIENT,
                        tree(in, d, x -> interaction(in, x), () -> interactionLeaf(in, d)));
            case 3:
                return new ClientCriterion.Having<>(DealCriterion.OF_CLIENT, tree(in, d, x -> deal(in, x), () -> dealLeaf(in, d)));
            case 4:
                return new ClientCriterion.Having<>(ConsentCriterion.IN_EFFECT, tree(in, d, x -> consent(in, x), () -> consentLeaf(in)));
            case 5:
                return new ClientCriterion.Having<>(SuppressionCriterion.OF_CLIENT,
                        pick(in, 2) == 0 ? Criterion.all() : tree(in, d, x -> suppression(in, x), () -> suppressionLeaf(in)));
            case 6:
                return new ClientCriterion.Having<>(SurveyCriterion.LAST_SCORES, tree(in, d, x -> survey(in, x), () -> surveyLeaf(in)));
            default:
                return new ClientCriterion.Having<>(ClientClassCriterion.OF_CLIENT, tree(in, d, x -> classes(in, x), () -> classLeaf(in)));
        }
    }

    private static Criterion<ContactPersonCriterion> person(RandomnessSource in, int depth) {
        return tree(in, depth, d -> person(in, d), () -> personLeaf(in, depth));
    }

    private static Criterion<ContactPersonCriterion> personLeaf(RandomnessSource in, int depth) {
        switch (pick(in, 5)) {
            case 0:
                return text(in, ContactPersonCriterion.PositionIs::new, "Директор");
            case 1:
                return new ContactPersonCriterion.ResponsibleIs(employee(in));
            case 2:
                return new ContactPersonCriterion.PhoneIs(new PhoneNumber("+7495" + (1000000 + pick(in, 8999999))));
            case 3:
                return new ContactPersonCriterion.EmailIs(EmailAddress.parse("person" + pick(in, 9) + "@example.ru"));
            default:
                return new ContactPersonCriterion.OfClient(client(in, Math.min(1, depth - 1)));
        }
    }

    private static Criterion<InteractionCriterion> interaction(RandomnessSource in, int depth) {
        return tree(in, depth, d -> interaction(in, d), () -> interactionLeaf(in, depth));
    }

    private static CalendarPeriod period(RandomnessSource in) {
        Instant from = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(in.next(Constraint.between(0, 100_000_000)));
        return new CalendarPeriod(from, from.plusSeconds(1 + in.next(Constraint.between(0, 10_000_000))),
                ZoneId.of(one(in, List.of("Europe/Moscow", "UTC", "Asia/Yekaterinburg"))));
    }

    private static Criterion<InteractionCriterion> interactionLeaf(RandomnessSource in, int depth) {
        switch (pick(in, 15)) {
            case 14:
                return new InteractionCriterion.StartedWithinLastDays(pick(in, 400));
            case 0:
                return new InteractionCriterion.IdIn(some(in, () -> new InteractionId(uuid(in))));
            case 1:
                return new InteractionCriterion.OfClient(client(in, Math.min(1, depth - 1)));
            case 2:
                return new InteractionCriterion.ResponsibleIn(some(in, () -> employee(in)));
            case 3:
                return new InteractionCriterion.Involves(some(in, () -> employee(in)));
            case 4:
                return new InteractionCriterion.AuthorIs(employee(in));
            case 5:
                return new InteractionCriterion.KindIn(some(in, () -> one(in, List.of(InteractionKind.MEETING, InteractionKind.EMAIL,
                        InteractionKind.INCOMING_CALL, new InteractionKind("seminar")))));
            case 6:
                return new InteractionCriterion.StateIn(some(in, () -> one(in, List.of(InteractionState.values()))));
            case 7:
                return new InteractionCriterion.ImportanceIs(one(in, List.of(Importance.values())));
            case 8:
                return new InteractionCriterion.StartsIn(period(in));
            case 9:
                return new InteractionCriterion.Overlaps(period(in));
            case 10:
                return new InteractionCriterion.OverdueAt(Instant.parse("2024-05-01T10:15:30.123456Z").plusSeconds(pick(in, 100000)), day(in));
            case 11:
                return text(in, InteractionCriterion.SubjectContains::new, "семинар");
            case 12:
                return text(in, InteractionCriterion.ContentContains::new, "кухни");
            default:
                return new InteractionCriterion.ForDeal(new DealId(uuid(in)));
        }
    }

    private static Criterion<DealCriterion> deal(RandomnessSource in, int depth) {
        return tree(in, depth, d -> deal(in, d), () -> dealLeaf(in, depth));
    }

    private static Criterion<DealCriterion> dealLeaf(RandomnessSource in, int depth) {
        switch (pick(in, 10)) {
            case 0:
                return new DealCriterion.IdIn(some(in, () -> new DealId(uuid(in))));
            case 1:
                return new DealCriterion.OfClient(client(in, Math.min(1, depth - 1)));
            case 2:
                return new DealCriterion.InPipeline(one(in, List.of(SegmentSamples.SALES, SegmentSamples.SERVICE)));
            case 3:
                return new DealCriterion.AtStage(some(in, () -> one(in, SegmentSamples.STAGES)));
            case 4:
                return new DealCriterion.StatusIs(one(in, List.of(StageKind.values())));
            case 5:
                return new DealCriterion.ResponsibleIn(some(in, () -> employee(in)));
            case 6:
                long from = in.next(Constraint.between(0, 1_000_000));
                return new DealCriterion.AmountBetween(Money.of(BigDecimal.valueOf(from, 2).toPlainString(), "RUB"),
                        Money.of(BigDecimal.valueOf(from + in.next(Constraint.between(0, 1_000_000)), 2).toPlainString(), "RUB"));
            case 7:
                LocalDate first = day(in);
                return new DealCriterion.ExpectedCloseBetween(first, first.plusDays(pick(in, 90)));
            case 8:
                return text(in, DealCriterion.SourceIs::new, "выставка");
            default:
                LocalDate start = day(in);
                return new DealCriterion.ClosedBetween(pick(in, 2) == 0 ? StageKind.WON : StageKind.LOST, start, start.plusDays(pick(in, 90)));
        }
    }

    private static Criterion<ConsentCriterion> consent(RandomnessSource in, int depth) {
        return tree(in, depth, d -> consent(in, d), () -> consentLeaf(in));
    }

    private static Criterion<ConsentCriterion> consentLeaf(RandomnessSource in) {
        return new ConsentCriterion.For(one(in, List.of(Channel.values())), one(in, List.of(Purpose.MARKETING, Purpose.SERVICE, new Purpose("news"))));
    }

    private static Criterion<SuppressionCriterion> suppression(RandomnessSource in, int depth) {
        return tree(in, depth, d -> suppression(in, d), () -> suppressionLeaf(in));
    }

    private static Criterion<SuppressionCriterion> suppressionLeaf(RandomnessSource in) {
        Set<SuppressionReason> reasons = some(in, () -> one(in, List.of(SuppressionReason.values())));
        return new SuppressionCriterion.ReasonIn(reasons.isEmpty() ? Set.of(SuppressionReason.COMPLAINT) : reasons);
    }

    private static Criterion<SurveyCriterion> survey(RandomnessSource in, int depth) {
        return tree(in, depth, d -> survey(in, d), () -> surveyLeaf(in));
    }

    private static Criterion<SurveyCriterion> surveyLeaf(RandomnessSource in) {
        int min = pick(in, 11);
        return new SurveyCriterion.ScoreBetween(SegmentSamples.NPS, one(in, List.of("nps", "q1", "Рекомендуете ли вы нас?")), min, min + pick(in, 11 - min));
    }

    private static Criterion<ClientClassCriterion> classes(RandomnessSource in, int depth) {
        return tree(in, depth, d -> classes(in, d), () -> classLeaf(in));
    }

    private static Criterion<ClientClassCriterion> classLeaf(RandomnessSource in) {
        if (pick(in, 2) == 0) {
            Set<ClientClasses.Grade> grades = some(in, () -> one(in, List.of(ClientClasses.Grade.values())));
            return new ClientClassCriterion.GradeIn(grades.isEmpty() ? Set.of(ClientClasses.Grade.A) : grades);
        }
        int min = 1 + pick(in, 5);
        return new ClientClassCriterion.ScoreBetween(one(in, List.of(ClientClassCriterion.Measure.values())), min, min + pick(in, 6 - min));
    }
}
