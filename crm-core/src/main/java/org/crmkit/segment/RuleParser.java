package org.crmkit.segment;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

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
import org.crmkit.deal.PipelineId;
import org.crmkit.deal.StageId;
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
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.property.ValueList;
import org.crmkit.segment.RuleLexer.Kind;
import org.crmkit.segment.RuleLexer.Token;
import org.crmkit.survey.SurveyCriterion;
import org.crmkit.survey.TemplateId;
import org.crmkit.taxid.Inn;

/** Recursive descent over the tokens of one rule text; one method per family's leaves. See {@link RuleText} for the grammar. */
final class RuleParser {
    /** A family's leaf reader; {@code depth} is the nesting level of the leaf. */
    private interface Leaves<L extends Criterion.Leaf<L>> {
        Criterion<L> leaf(int depth);
    }

    private final List<Token> tokens;
    private final RuleNames names;
    private int at;

    private RuleParser(List<Token> tokens, RuleNames names) {
        this.tokens = tokens;
        this.names = names;
    }

    static Criterion<ClientCriterion> parse(String text, RuleNames names) {
        RuleParser parser = new RuleParser(RuleLexer.tokens(text), names);
        Criterion<ClientCriterion> rule = parser.disjunction(parser::clientLeaf, 1);
        Token end = parser.peek();
        if (end.kind() != Kind.END) {
            throw parser.expected("\"and\", \"or\" or the end of the rule", end);
        }
        return rule;
    }

    // ---- combinators --------------------------------------------------------------------------

    private <L extends Criterion.Leaf<L>> Criterion<L> disjunction(Leaves<L> leaves, int depth) {
        if (depth > RuleLimits.MAX_DEPTH) {
            Token t = peek();
            throw new RuleSyntaxException(t.line(), t.column(), "at most " + RuleLimits.MAX_DEPTH + " levels of nesting", "a deeper one");
        }
        List<Criterion<L>> parts = new ArrayList<>();
        parts.add(conjunction(leaves, depth));
        while (isWord("or")) {
            next();
            parts.add(conjunction(leaves, depth));
        }
        return parts.size() == 1 ? parts.get(0) : new Criterion.Or<>(parts);
    }

    private <L extends Criterion.Leaf<L>> Criterion<L> conjunction(Leaves<L> leaves, int depth) {
        List<Criterion<L>> parts = new ArrayList<>();
        parts.add(negation(leaves, depth));
        while (isWord("and")) {
            next();
            parts.add(negation(leaves, depth));
        }
        return parts.size() == 1 ? parts.get(0) : new Criterion.And<>(parts);
    }

    private <L extends Criterion.Leaf<L>> Criterion<L> negation(Leaves<L> leaves, int depth) {
        if (isWord("not")) {
            next();
            if (depth + 1 > RuleLimits.MAX_DEPTH) {
                Token t = peek();
                throw new RuleSyntaxException(t.line(), t.column(), "at most " + RuleLimits.MAX_DEPTH + " levels of nesting", "a deeper one");
            }
            return Criterion.not(negation(leaves, depth + 1));
        }
        return atom(leaves, depth);
    }

    private <L extends Criterion.Leaf<L>> Criterion<L> atom(Leaves<L> leaves, int depth) {
        if (isPunct("(")) {
            next();
            Criterion<L> inner = disjunction(leaves, depth + 1);
            expectPunct(")");
            return inner;
        }
        if (isWord("all")) {
            next();
            return Criterion.all();
        }
        if (isWord("none")) {
            next();
            return Criterion.none();
        }
        return leaves.leaf(depth);
    }

    /** {@code "(" rule ")"} of another family, one level down. */
    private <L extends Criterion.Leaf<L>> Criterion<L> sub(Leaves<L> leaves, int depth) {
        expectPunct("(");
        Criterion<L> inner = disjunction(leaves, depth + 1);
        expectPunct(")");
        return inner;
    }

    // ---- the client's leaves ------------------------------------------------------------------

    private Criterion<ClientCriterion> clientLeaf(int depth) {
        Token t = peek();
        String word = t.kind() == Kind.WORD ? t.value().toLowerCase(Locale.ROOT) : "";
        switch (word) {
            case "id":
                next();
                expectWord("in");
                return new ClientCriterion.IdIn(list(this::clientId));
            case "manager":
                next();
                expectWord("in");
                return new ClientCriterion.ManagedBy(list(this::employee));
            case "name":
                next();
                if (isWord("contains")) {
                    next();
                    return value(string(), ClientCriterion.NameContains::new);
                }
                if (isWord("word")) {
                    next();
                    expectWord("starts");
                    expectWord("with");
                    return value(string(), ClientCriterion.NameWordStartsWith::new);
                }
                expectWord("starts");
                expectWord("with");
                return value(string(), ClientCriterion.NameStartsWith::new);
            case "code":
                next();
                if (isWord("in")) {
                    next();
                    return new ClientCriterion.CodeIn(list(s -> value(s, ClientCode::of)));
                }
                expectPunct("=");
                return new ClientCriterion.CodeIs(value(string(), ClientCode::of));
            case "inn":
                next();
                expectPunct("=");
                return new ClientCriterion.InnIs(value(string(), Inn::new));
            case "phone":
                next();
                if (isWord("ends")) {
                    next();
                    expectWord("with");
                    return value(string(), ClientCriterion.PhoneEndsWith::new);
                }
                expectPunct("=");
                return new ClientCriterion.PhoneIs(value(string(), PhoneNumber::new));
            case "email":
                next();
                if (isWord("starts")) {
                    next();
                    expectWord("with");
                    return value(string(), ClientCriterion.EmailStartsWith::new);
                }
                if (isWord("ends")) {
                    next();
                    expectWord("with");
                    return value(string(), ClientCriterion.EmailEndsWith::new);
                }
                expectPunct("=");
                return new ClientCriterion.EmailIs(value(string(), EmailAddress::new));
            case "group":
                next();
                expectWord("in");
                return new ClientCriterion.InGroups(list(s -> names.group(s.value())
                        .orElseThrow(() -> unknown("the name of a client group", s))));
            case "kind":
                next();
                expectPunct("=");
                return new ClientCriterion.KindIs(constant(ClientKind.class));
            case "relationship":
                next();
                expectPunct("=");
                Token r = string();
                return new ClientCriterion.RelationshipIs(names.relationship(r.value())
                        .orElseThrow(() -> unknown("the name of a relationship type", r)));
            case "archived":
                next();
                return new ClientCriterion.Archived(true);
            case "active":
                next();
                return new ClientCriterion.Archived(false);
            case "registered":
                next();
                expectPunct("<=");
                return new ClientCriterion.RegisteredOnOrBefore(date());
            case "property":
                next();
                return property();
            case "no": {
                next();
                expectWord("interaction");
                expectWord("for");
                Token n = peek();
                int days = integer();
                expectWord("days");
                InteractionCriterion.StartedWithinLastDays recent = build(n, () -> new InteractionCriterion.StartedWithinLastDays(days));
                return Criterion.not(new ClientCriterion.Having<>(InteractionCriterion.OF_CLIENT, recent));
            }
            case "suppressed":
                next();
                return new ClientCriterion.Having<>(SuppressionCriterion.OF_CLIENT, Criterion.all());
            case "has":
                next();
                return having(depth);
            default:
                throw expected("a condition (such as group in (\"…\"), property \"…\" = …, has interaction (…), not, \"(\")", t);
        }
    }

    private Criterion<ClientCriterion> having(int depth) {
        Token t = peek();
        String word = t.kind() == Kind.WORD ? t.value().toLowerCase(Locale.ROOT) : "";
        switch (word) {
            case "contact":
                next();
                return new ClientCriterion.Having<>(ContactPersonCriterion.OF_CLIENT, sub(this::personLeaf, depth));
            case "interaction":
                next();
                return new ClientCriterion.Having<>(InteractionCriterion.OF_CLIENT, sub(this::interactionLeaf, depth));
            case "deal":
                next();
                return new ClientCriterion.Having<>(DealCriterion.OF_CLIENT, sub(this::dealLeaf, depth));
            case "consent":
                next();
                return new ClientCriterion.Having<>(ConsentCriterion.IN_EFFECT, sub(this::consentLeaf, depth));
            case "suppression":
                next();
                return new ClientCriterion.Having<>(SuppressionCriterion.OF_CLIENT, sub(this::suppressionLeaf, depth));
            case "survey":
                next();
                return new ClientCriterion.Having<>(SurveyCriterion.LAST_SCORES, sub(this::surveyLeaf, depth));
            case "class":
                next();
                return new ClientCriterion.Having<>(ClientClassCriterion.OF_CLIENT, sub(this::classLeaf, depth));
            case "email":
                next();
                return new ClientCriterion.HasEmail();
            case "mobile":
                next();
                expectWord("phone");
                return new ClientCriterion.HasMobilePhone();
            default:
                throw expected("contact, interaction, deal, consent, suppression, survey, class, email or mobile phone", t);
        }
    }

    /**
     * {@code property "name"} and what is asked of it: {@code = value} (a {@link ClientCriterion.PropertyEquals}, exact)
     * or one of the conditions of a {@link ClientCriterion.PropertyMatches}; values are read as the property's type
     * wants them and the condition is checked against the type ({@link PropertyCondition#checkFits}).
     */
    private Criterion<ClientCriterion> property() {
        Token nameToken = string();
        RuleNames.NamedProperty property = names.property(nameToken.value())
                .orElseThrow(() -> unknown("the name of a property", nameToken));
        Token op = peek();
        if (isPunct("=")) {
            next();
            PropertyValue value = propertyValue(property);
            return new ClientCriterion.PropertyEquals(property.key(), value);
        }
        PropertyCondition condition = condition(property);
        build(op, () -> {
            condition.checkFits(property.key(), property.type());
            return condition;
        });
        return new ClientCriterion.PropertyMatches(property.key(), condition);
    }

    private PropertyCondition condition(RuleNames.NamedProperty property) {
        Token op = next();
        if (op.kind() == Kind.PUNCT) {
            switch (op.value()) {
                case "!=": {
                    PropertyValue value = propertyValue(property);
                    return build(op, () -> new PropertyCondition.NotEqualTo(value));
                }
                case ">=": {
                    PropertyValue value = propertyValue(property);
                    return build(op, () -> new PropertyCondition.AtLeast(value));
                }
                case "<=": {
                    PropertyValue value = propertyValue(property);
                    return build(op, () -> new PropertyCondition.AtMost(value));
                }
                default:
                    throw expected(CONDITIONS, op);
            }
        }
        switch (word(op)) {
            case "equals": {
                PropertyValue value = propertyValue(property);
                return build(op, () -> new PropertyCondition.EqualTo(value));
            }
            case "in": {
                expectPunct("(");
                Set<PropertyValue> values = new LinkedHashSet<>();
                if (!isPunct(")")) {
                    do {
                        values.add(propertyValue(property));
                        checkSize(values);
                    } while (acceptPunct(","));
                }
                expectPunct(")");
                return build(op, () -> new PropertyCondition.In(values));
            }
            case "contains":
                return value(string(), PropertyCondition.Contains::new);
            case "starts":
                expectWord("with");
                return value(string(), PropertyCondition.StartsWith::new);
            case "between": {
                Token from = peek();
                PropertyValue low = propertyValue(property);
                expectWord("and");
                PropertyValue high = propertyValue(property);
                return build(from, () -> new PropertyCondition.Between(low, high));
            }
            case "within": {
                expectWord("last");
                Token n = peek();
                int days = integer();
                expectWord("days");
                return build(n, () -> new PropertyCondition.WithinLastDays(days));
            }
            case "more": {
                expectWord("than");
                Token n = peek();
                int days = integer();
                expectWord("days");
                expectWord("ago");
                return build(n, () -> new PropertyCondition.MoreThanDaysAgo(days));
            }
            case "is": {
                Token t = next();
                if (word(t).equals("filled")) {
                    return new PropertyCondition.Filled();
                }
                if (word(t).equals("empty")) {
                    return new PropertyCondition.Empty();
                }
                throw expected("\"filled\" or \"empty\"", t);
            }
            case "any":
            case "all": {
                boolean any = word(op).equals("any");
                expectWord("of");
                ValueList list = entries(property, op);
                Set<ChoiceId> choices = list(s -> list.byLabel(s.value()).map(org.crmkit.property.Choice::id)
                        .orElseThrow(() -> unknown("an entry of the value list of " + RuleLexer.quote(property.name()), s)));
                return build(op, () -> any ? new PropertyCondition.AnyOf(choices) : new PropertyCondition.AllOf(choices));
            }
            default:
                throw expected(CONDITIONS, op);
        }
    }

    private static final String CONDITIONS = "=, equals, !=, in, contains, starts with, >=, <=, between, within last, more than, "
            + "is filled, is empty, any of or all of";

    /** The value list of a choice property; any other type is an error at {@code op}. */
    private ValueList entries(RuleNames.NamedProperty property, Token op) {
        PropertyType type = property.type();
        if (type instanceof PropertyType.ChoiceType) {
            return ((PropertyType.ChoiceType) type).values();
        }
        if (type instanceof PropertyType.MultiChoiceType) {
            return ((PropertyType.MultiChoiceType) type).values();
        }
        throw new RuleSyntaxException(op.line(), op.column(), "a condition that applies to the " + type.kind() + " property "
                + RuleLexer.quote(property.name()), op.shown() + " (any of and all of apply to choice properties)");
    }

    /** One value token read as the property's type wants it. */
    private PropertyValue propertyValue(RuleNames.NamedProperty property) {
        Token v = peek();
        PropertyType type = property.type();
        String wanted = "a value of the " + type.kind() + " property " + RuleLexer.quote(property.name()) + " (" + example(type) + ")";
        PropertyValue value;
        if (type instanceof PropertyType.TextType) {
            value = value(expectKind(Kind.STRING, wanted), PropertyValue::text);
        } else if (type instanceof PropertyType.NumberType) {
            value = new PropertyValue.NumberValue(new BigDecimal(expectKind(Kind.NUMBER, wanted).value()));
        } else if (type instanceof PropertyType.MoneyType) {
            Currency currency = ((PropertyType.MoneyType) type).currency();
            Money money = money(wanted);
            if (!money.currency().equals(currency)) {
                throw new RuleSyntaxException(v.line(), v.column(), wanted, RuleLexer.quote(money.amount().toPlainString() + " "
                        + money.currency().getCurrencyCode()) + " (money is compared within one currency)");
            }
            value = PropertyValue.money(money);
        } else if (type instanceof PropertyType.DateType) {
            Token d = expectKind(Kind.DATE, wanted);
            value = PropertyValue.date(dateOf(d));
        } else if (type instanceof PropertyType.BooleanType) {
            Token b = expectKind(Kind.WORD, wanted);
            String word = b.value().toLowerCase(Locale.ROOT);
            if (!word.equals("true") && !word.equals("false")) {
                throw expected(wanted, b);
            }
            value = PropertyValue.bool(word.equals("true"));
        } else if (type instanceof PropertyType.ChoiceType || type instanceof PropertyType.MultiChoiceType) {
            ValueList list = type instanceof PropertyType.ChoiceType ? ((PropertyType.ChoiceType) type).values()
                    : ((PropertyType.MultiChoiceType) type).values();
            Token c = expectKind(Kind.STRING, wanted);
            ChoiceId choice = list.byLabel(c.value()).map(org.crmkit.property.Choice::id)
                    .orElseThrow(() -> unknown("an entry of the value list of " + RuleLexer.quote(property.name()), c));
            value = PropertyValue.choice(choice);
        } else if (type instanceof PropertyType.EmployeeRefType) {
            value = PropertyValue.employee(employee(expectKind(Kind.STRING, wanted)));
        } else {
            value = PropertyValue.client(clientId(expectKind(Kind.STRING, wanted)));
        }
        return value;
    }

    private static String example(PropertyType type) {
        if (type instanceof PropertyType.NumberType) {
            return "a number such as 12.5";
        }
        if (type instanceof PropertyType.MoneyType) {
            return "an amount such as 1500.00 " + ((PropertyType.MoneyType) type).currency().getCurrencyCode();
        }
        if (type instanceof PropertyType.DateType) {
            return "a date such as 2024-03-31";
        }
        if (type instanceof PropertyType.BooleanType) {
            return "true or false";
        }
        if (type instanceof PropertyType.ChoiceType || type instanceof PropertyType.MultiChoiceType) {
            return "an entry of its list in double quotes";
        }
        if (type instanceof PropertyType.EmployeeRefType) {
            return "an employee id in double quotes";
        }
        if (type instanceof PropertyType.ClientRefType) {
            return "a client id in double quotes";
        }
        return "a text in double quotes";
    }

    // ---- the related families -----------------------------------------------------------------

    private Criterion<ContactPersonCriterion> personLeaf(int depth) {
        Token t = next();
        switch (word(t)) {
            case "position":
                expectPunct("=");
                return value(string(), ContactPersonCriterion.PositionIs::new);
            case "responsible":
                expectPunct("=");
                return new ContactPersonCriterion.ResponsibleIs(employee(string()));
            case "phone":
                expectPunct("=");
                return new ContactPersonCriterion.PhoneIs(value(string(), PhoneNumber::new));
            case "email":
                expectPunct("=");
                return new ContactPersonCriterion.EmailIs(value(string(), EmailAddress::new));
            case "client":
                return new ContactPersonCriterion.OfClient(sub(this::clientLeaf, depth));
            default:
                throw expected("a condition on a contact person (position, responsible, phone, email, client)", t);
        }
    }

    private Criterion<InteractionCriterion> interactionLeaf(int depth) {
        Token t = next();
        switch (word(t)) {
            case "id":
                expectWord("in");
                return new InteractionCriterion.IdIn(list(s -> new InteractionId(uuid(s))));
            case "client":
                return new InteractionCriterion.OfClient(sub(this::clientLeaf, depth));
            case "responsible":
                expectWord("in");
                return new InteractionCriterion.ResponsibleIn(list(this::employee));
            case "involves":
                return new InteractionCriterion.Involves(list(this::employee));
            case "author":
                expectPunct("=");
                return new InteractionCriterion.AuthorIs(employee(string()));
            case "kind":
                expectWord("in");
                return new InteractionCriterion.KindIn(wordList(w -> value(w, InteractionKind::new)));
            case "state":
                expectWord("in");
                return new InteractionCriterion.StateIn(wordList(w -> constantOf(w, InteractionState.class)));
            case "importance":
                expectPunct("=");
                return new InteractionCriterion.ImportanceIs(constant(Importance.class));
            case "starts":
                expectWord("in");
                return new InteractionCriterion.StartsIn(period());
            case "started": {
                expectWord("within");
                expectWord("last");
                Token n = peek();
                int days = integer();
                expectWord("days");
                return build(n, () -> new InteractionCriterion.StartedWithinLastDays(days));
            }
            case "overlaps":
                return new InteractionCriterion.Overlaps(period());
            case "overdue":
                expectWord("at");
                Instant now = instant();
                expectWord("today");
                return new InteractionCriterion.OverdueAt(now, date());
            case "subject":
                expectWord("contains");
                return value(string(), InteractionCriterion.SubjectContains::new);
            case "content":
                expectWord("contains");
                return value(string(), InteractionCriterion.ContentContains::new);
            case "deal":
                expectPunct("=");
                return new InteractionCriterion.ForDeal(new DealId(uuid(string())));
            default:
                throw expected("a condition on an interaction (id, client, responsible, involves, author, kind, state, importance, "
                        + "starts, started, overlaps, overdue, subject, content, deal)", t);
        }
    }

    private Criterion<DealCriterion> dealLeaf(int depth) {
        Token t = next();
        switch (word(t)) {
            case "id":
                expectWord("in");
                return new DealCriterion.IdIn(list(s -> new DealId(uuid(s))));
            case "client":
                return new DealCriterion.OfClient(sub(this::clientLeaf, depth));
            case "pipeline":
                expectPunct("=");
                Token p = string();
                return new DealCriterion.InPipeline(pipeline(p));
            case "stage":
                expectWord("in");
                return new DealCriterion.AtStage(stages());
            case "status":
                expectPunct("=");
                return new DealCriterion.StatusIs(constant(StageKind.class));
            case "responsible":
                expectWord("in");
                return new DealCriterion.ResponsibleIn(list(this::employee));
            case "amount": {
                expectWord("between");
                Token from = peek();
                Money low = money("an amount such as 1500.00 RUB");
                expectWord("and");
                Money high = money("an amount such as 1500.00 RUB");
                return build(from, () -> new DealCriterion.AmountBetween(low, high));
            }
            case "expected": {
                expectWord("close");
                expectWord("between");
                Token from = peek();
                LocalDate low = date();
                expectWord("and");
                LocalDate high = date();
                return build(from, () -> new DealCriterion.ExpectedCloseBetween(low, high));
            }
            case "source":
                expectPunct("=");
                return value(string(), DealCriterion.SourceIs::new);
            case "won":
            case "lost": {
                StageKind outcome = word(t).equals("won") ? StageKind.WON : StageKind.LOST;
                expectWord("between");
                Token from = peek();
                LocalDate low = date();
                expectWord("and");
                LocalDate high = date();
                return build(from, () -> new DealCriterion.ClosedBetween(outcome, low, high));
            }
            default:
                throw expected("a condition on a deal (id, client, pipeline, stage, status, responsible, amount, expected close, "
                        + "source, won, lost)", t);
        }
    }

    private Criterion<ConsentCriterion> consentLeaf(int depth) {
        Channel channel = constant(Channel.class);
        expectPunct(",");
        Token p = expectKind(Kind.WORD, "a purpose such as marketing");
        return new ConsentCriterion.For(channel, value(p, Purpose::new));
    }

    private Criterion<SuppressionCriterion> suppressionLeaf(int depth) {
        Token t = next();
        if (!word(t).equals("reason")) {
            throw expected("reason in (…)", t);
        }
        expectWord("in");
        Token first = peek();
        Set<SuppressionReason> reasons = wordList(w -> constantOf(w, SuppressionReason.class));
        return build(first, () -> new SuppressionCriterion.ReasonIn(reasons));
    }

    private Criterion<SurveyCriterion> surveyLeaf(int depth) {
        Token t = next();
        if (!word(t).equals("score")) {
            throw expected("score \"template\" \"question\" between … and …", t);
        }
        Token name = string();
        TemplateId template = names.template(name.value()).orElseThrow(() -> unknown("the name of a survey template", name));
        Token question = string();
        expectWord("between");
        int min = integer();
        expectWord("and");
        int max = integer();
        return build(question, () -> new SurveyCriterion.ScoreBetween(template, question.value(), min, max));
    }

    private Criterion<ClientClassCriterion> classLeaf(int depth) {
        Token t = next();
        String word = word(t);
        if (word.equals("grade")) {
            expectWord("in");
            Set<ClientClasses.Grade> grades = wordList(w -> constantOf(w, ClientClasses.Grade.class));
            return build(t, () -> new ClientClassCriterion.GradeIn(grades));
        }
        for (ClientClassCriterion.Measure measure : ClientClassCriterion.Measure.values()) {
            if (RuleText.word(measure).equals(word)) {
                expectWord("between");
                int min = integer();
                expectWord("and");
                int max = integer();
                return build(t, () -> new ClientClassCriterion.ScoreBetween(measure, min, max));
            }
        }
        throw expected("grade in (…), recency, frequency or monetary between … and …", t);
    }

    // ---- values -------------------------------------------------------------------------------

    private Set<StageId> stages() {
        expectPunct("(");
        Set<StageId> stages = new LinkedHashSet<>();
        if (!isPunct(")")) {
            do {
                Token pipeline = string();
                expectPunct(".");
                Token stage = string();
                pipeline(pipeline);
                stages.add(names.stage(pipeline.value(), stage.value())
                        .orElseThrow(() -> unknown("the name of a stage of " + RuleLexer.quote(pipeline.value()), stage)).id());
            } while (acceptPunct(","));
        }
        expectPunct(")");
        return stages;
    }

    private PipelineId pipeline(Token name) {
        return names.pipeline(name.value()).orElseThrow(() -> unknown("the name of a pipeline", name));
    }

    private CalendarPeriod period() {
        Token t = expectKind(Kind.WORD, "period(from, until, \"zone\")");
        if (!word(t).equals("period")) {
            throw expected("period(from, until, \"zone\")", t);
        }
        expectPunct("(");
        Instant from = instant();
        expectPunct(",");
        Instant until = instant();
        expectPunct(",");
        Token zone = string();
        expectPunct(")");
        ZoneId id = value(zone, ZoneId::of);
        return build(zone, () -> new CalendarPeriod(from, until, id));
    }

    private Money money(String wanted) {
        Token amount = expectKind(Kind.NUMBER, wanted);
        Token code = expectKind(Kind.WORD, "a currency code such as RUB");
        Currency currency = value(code, Currency::getInstance);
        return build(amount, () -> new Money(new BigDecimal(amount.value()), currency));
    }

    private int integer() {
        Token t = expectKind(Kind.NUMBER, "a whole number");
        try {
            return Integer.parseInt(t.value());
        } catch (NumberFormatException e) {
            throw expected("a whole number", t);
        }
    }

    private LocalDate date() {
        return dateOf(expectKind(Kind.DATE, "a date such as 2024-03-31"));
    }

    private LocalDate dateOf(Token t) {
        try {
            return LocalDate.parse(t.value());
        } catch (DateTimeException e) {
            throw expected("a date such as 2024-03-31", t);
        }
    }

    private Instant instant() {
        Token t = expectKind(Kind.INSTANT, "an instant such as 2024-03-31T09:00:00Z");
        try {
            return Instant.parse(t.value());
        } catch (DateTimeException e) {
            throw expected("an instant such as 2024-03-31T09:00:00Z", t);
        }
    }

    private ClientId clientId(Token t) {
        return new ClientId(uuid(t));
    }

    private EmployeeId employee(Token t) {
        return value(t, EmployeeId::new);
    }

    private UUID uuid(Token t) {
        try {
            UUID id = UUID.fromString(t.value());
            if (id.toString().equals(t.value().toLowerCase(Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw expected("an id such as \"3f1c2a9e-0d4b-4c55-9a51-6b2f7c0e1d23\"", t);
    }

    private <E extends Enum<E>> E constant(Class<E> type) {
        return constantOf(expectKind(Kind.WORD, RuleText.words(type)), type);
    }

    private <E extends Enum<E>> E constantOf(Token t, Class<E> type) {
        String word = word(t);
        for (E constant : type.getEnumConstants()) {
            if (RuleText.word(constant).equals(word)) {
                return constant;
            }
        }
        throw expected(RuleText.words(type), t);
    }

    /** {@code "(" [string {"," string}] ")"}, each made into a value. */
    private <T> Set<T> list(Function<Token, T> make) {
        expectPunct("(");
        Set<T> values = new LinkedHashSet<>();
        if (!isPunct(")")) {
            do {
                values.add(make.apply(string()));
                checkSize(values);
            } while (acceptPunct(","));
        }
        expectPunct(")");
        return values;
    }

    /** {@code "(" [word {"," word}] ")"}, each made into a value. */
    private <T> Set<T> wordList(Function<Token, T> make) {
        expectPunct("(");
        Set<T> values = new LinkedHashSet<>();
        if (!isPunct(")")) {
            do {
                values.add(make.apply(expectKind(Kind.WORD, "a word")));
                checkSize(values);
            } while (acceptPunct(","));
        }
        expectPunct(")");
        return values;
    }

    private void checkSize(Set<?> values) {
        if (values.size() > RuleLimits.MAX_VALUES) {
            Token t = peek();
            throw new RuleSyntaxException(t.line(), t.column(), "at most " + RuleLimits.MAX_VALUES + " values in a list", "more");
        }
    }

    /** A value made from a token's text; the value's own {@link ValidationException} is reported at the token. */
    private <T> T value(Token t, Function<String, T> make) {
        return build(t, () -> make.apply(t.value()));
    }

    private <T> T build(Token t, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (RuleSyntaxException e) {
            throw e;
        } catch (ValidationException e) {
            throw new RuleSyntaxException(t.line(), t.column(), "a valid " + e.field() + " (" + e.problem() + ")", t.shown());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new RuleSyntaxException(t.line(), t.column(), "a valid value (" + e.getMessage() + ")", t.shown());
        }
    }

    // ---- tokens -------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.END) {
            at++;
        }
        return t;
    }

    private static String word(Token t) {
        return t.kind() == Kind.WORD ? t.value().toLowerCase(Locale.ROOT) : "";
    }

    private boolean isWord(String word) {
        return word(peek()).equals(word);
    }

    private boolean isPunct(String punct) {
        Token t = peek();
        return t.kind() == Kind.PUNCT && t.value().equals(punct);
    }

    private boolean acceptPunct(String punct) {
        if (isPunct(punct)) {
            next();
            return true;
        }
        return false;
    }

    private void expectWord(String word) {
        Token t = next();
        if (!word(t).equals(word)) {
            throw expected("\"" + word + "\"", t);
        }
    }

    private void expectPunct(String punct) {
        Token t = next();
        if (t.kind() != Kind.PUNCT || !t.value().equals(punct)) {
            throw expected("\"" + punct + "\"", t);
        }
    }

    private Token string() {
        return expectKind(Kind.STRING, "a text in double quotes");
    }

    private Token expectKind(Kind kind, String wanted) {
        Token t = next();
        if (t.kind() != kind) {
            throw expected(wanted, t);
        }
        return t;
    }

    private RuleSyntaxException expected(String what, Token found) {
        return new RuleSyntaxException(found.line(), found.column(), what, found.shown());
    }

    private RuleSyntaxException unknown(String what, Token found) {
        return new RuleSyntaxException(found.line(), found.column(), what, found.shown() + ", which is not known");
    }

}
