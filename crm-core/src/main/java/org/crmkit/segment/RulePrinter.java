package org.crmkit.segment;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ContactPersonCriterion;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.SuppressionCriterion;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.DealCriterion;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.ledger.ClientClassCriterion;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyCondition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.property.ValueList;
import org.crmkit.survey.SurveyCriterion;

/**
 * Prints a rule in the canonical text form: one space between tokens, lower-case keywords, sets
 * sorted, parentheses only where precedence (not &gt; and &gt; or) or the tree's shape needs them.
 * An and/or of no part prints as {@code all}/{@code none}, of one part as that part (the same
 * meaning; such trees are not written by people).
 */
final class RulePrinter {
    private final RuleNames names;

    RulePrinter(RuleNames names) {
        this.names = names;
    }

    String print(Criterion<ClientCriterion> rule) {
        return tree(rule, this::client);
    }

    // ---- combinators --------------------------------------------------------------------------

    private <L extends Criterion.Leaf<L>> String tree(Criterion<L> tree, Function<L, String> leaf) {
        return tree.fold(new Criterion.Folder<L, String>() {
            @Override
            public String all() {
                return "all";
            }

            @Override
            public String none() {
                return "none";
            }

            @Override
            public String and(List<Criterion<L>> parts) {
                if (parts.isEmpty()) {
                    return "all";
                }
                if (parts.size() == 1) {
                    return tree(parts.get(0), leaf);
                }
                return parts.stream().map(p -> compound(p) ? "(" + tree(p, leaf) + ")" : tree(p, leaf)).collect(Collectors.joining(" and "));
            }

            @Override
            public String or(List<Criterion<L>> parts) {
                if (parts.isEmpty()) {
                    return "none";
                }
                if (parts.size() == 1) {
                    return tree(parts.get(0), leaf);
                }
                return parts.stream().map(p -> isOr(p) ? "(" + tree(p, leaf) + ")" : tree(p, leaf)).collect(Collectors.joining(" or "));
            }

            @Override
            public String not(Criterion<L> part) {
                return "not " + (compound(part) ? "(" + tree(part, leaf) + ")" : tree(part, leaf));
            }

            @Override
            public String leaf(L l) {
                return leaf.apply(l);
            }
        });
    }

    private static boolean compound(Criterion<?> c) {
        return (c instanceof Criterion.And<?> and && and.parts().size() > 1) || isOr(c);
    }

    private static boolean isOr(Criterion<?> c) {
        return c instanceof Criterion.Or<?> or && or.parts().size() > 1;
    }

    private static <T> String list(Collection<T> values, Function<T, String> shown) {
        return "(" + values.stream().map(shown).sorted().collect(Collectors.joining(", ")) + ")";
    }

    private static String str(String text) {
        return "\"" + RuleText.escape(text) + "\"";
    }

    private static String money(Money money) {
        return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
    }

    private static String period(CalendarPeriod period) {
        return "period(" + period.from() + ", " + period.until() + ", " + str(period.zone().getId()) + ")";
    }

    private static ValidationException gone(String what, Object id) {
        return new ValidationException(what, id, "is no longer in the tenant's schema; the rule names it and cannot be printed by name");
    }

    // ---- the client's leaves ------------------------------------------------------------------

    private String client(ClientCriterion leaf) {
        return leaf.accept(new ClientCriterion.Visitor<String>() {
            @Override
            public String idIn(ClientCriterion.IdIn c) {
                return "id in " + list(c.ids(), id -> str(id.value().toString()));
            }

            @Override
            public String managedBy(ClientCriterion.ManagedBy c) {
                return "manager in " + list(c.managers(), e -> str(e.value()));
            }

            @Override
            public String nameContains(ClientCriterion.NameContains c) {
                return "name contains " + str(c.fragment());
            }

            @Override
            public String nameStartsWith(ClientCriterion.NameStartsWith c) {
                return "name starts with " + str(c.fragment());
            }

            @Override
            public String nameWordStartsWith(ClientCriterion.NameWordStartsWith c) {
                return "name word starts with " + str(c.prefix());
            }

            @Override
            public String codeIs(ClientCriterion.CodeIs c) {
                return "code = " + str(c.code().value());
            }

            @Override
            public String codeIn(ClientCriterion.CodeIn c) {
                return "code in " + list(c.codes(), code -> str(code.value()));
            }

            @Override
            public String innIs(ClientCriterion.InnIs c) {
                return "inn = " + str(c.inn().value());
            }

            @Override
            public String phoneIs(ClientCriterion.PhoneIs c) {
                return "phone = " + str(c.phone().e164());
            }

            @Override
            public String emailIs(ClientCriterion.EmailIs c) {
                return "email = " + str(c.email().value());
            }

            @Override
            public String phoneEndsWith(ClientCriterion.PhoneEndsWith c) {
                return "phone ends with " + str(c.digits());
            }

            @Override
            public String emailStartsWith(ClientCriterion.EmailStartsWith c) {
                return "email starts with " + str(c.prefix());
            }

            @Override
            public String emailEndsWith(ClientCriterion.EmailEndsWith c) {
                return "email ends with " + str(c.suffix());
            }

            @Override
            public String inGroups(ClientCriterion.InGroups c) {
                return "group in " + list(c.groups(), g -> str(names.name(g).orElseThrow(() -> gone("group", g.value()))));
            }

            @Override
            public String kindIs(ClientCriterion.KindIs c) {
                return "kind = " + RuleText.word(c.kind());
            }

            @Override
            public String relationshipIs(ClientCriterion.RelationshipIs c) {
                return "relationship = " + str(names.name(c.relationship()).orElseThrow(() -> gone("relationship", c.relationship().value())));
            }

            @Override
            public String archived(ClientCriterion.Archived c) {
                return c.archived() ? "archived" : "active";
            }

            @Override
            public String registeredOnOrBefore(ClientCriterion.RegisteredOnOrBefore c) {
                return "registered <= " + c.day();
            }

            @Override
            public String propertyEquals(ClientCriterion.PropertyEquals c) {
                RuleNames.NamedProperty property = names.property(c.key()).orElseThrow(() -> gone("property", c.key().value()));
                return "property " + str(property.name()) + " = " + value(property, c.value());
            }

            @Override
            public String having(ClientCriterion.Having<?> c) {
                return RulePrinter.this.having(c);
            }

            @Override
            public String propertyMatches(ClientCriterion.PropertyMatches c) {
                RuleNames.NamedProperty property = names.property(c.key()).orElseThrow(() -> gone("property", c.key().value()));
                c.condition().checkFits(c.key(), property.type());
                return "property " + str(property.name()) + " " + condition(property, c.condition());
            }

            @Override
            public String hasEmail(ClientCriterion.HasEmail c) {
                return "has email";
            }

            @Override
            public String hasMobilePhone(ClientCriterion.HasMobilePhone c) {
                return "has mobile phone";
            }
        });
    }

    private String condition(RuleNames.NamedProperty property, PropertyCondition condition) {
        return condition.accept(new PropertyCondition.Visitor<String>() {
            @Override
            public String equalTo(PropertyCondition.EqualTo c) {
                return "equals " + value(property, c.value());
            }

            @Override
            public String notEqualTo(PropertyCondition.NotEqualTo c) {
                return "!= " + value(property, c.value());
            }

            @Override
            public String in(PropertyCondition.In c) {
                return "in " + list(c.values(), v -> value(property, v));
            }

            @Override
            public String contains(PropertyCondition.Contains c) {
                return "contains " + str(c.fragment());
            }

            @Override
            public String startsWith(PropertyCondition.StartsWith c) {
                return "starts with " + str(c.prefix());
            }

            @Override
            public String atLeast(PropertyCondition.AtLeast c) {
                return ">= " + value(property, c.bound());
            }

            @Override
            public String atMost(PropertyCondition.AtMost c) {
                return "<= " + value(property, c.bound());
            }

            @Override
            public String between(PropertyCondition.Between c) {
                return "between " + value(property, c.from()) + " and " + value(property, c.to());
            }

            @Override
            public String withinLastDays(PropertyCondition.WithinLastDays c) {
                return "within last " + c.days() + " days";
            }

            @Override
            public String moreThanDaysAgo(PropertyCondition.MoreThanDaysAgo c) {
                return "more than " + c.days() + " days ago";
            }

            @Override
            public String filled(PropertyCondition.Filled c) {
                return "is filled";
            }

            @Override
            public String empty(PropertyCondition.Empty c) {
                return "is empty";
            }

            @Override
            public String anyOf(PropertyCondition.AnyOf c) {
                return "any of " + list(c.choices(), choice -> str(label(property, choice)));
            }

            @Override
            public String allOf(PropertyCondition.AllOf c) {
                return "all of " + list(c.choices(), choice -> str(label(property, choice)));
            }
        });
    }

    private String value(RuleNames.NamedProperty property, PropertyValue value) {
        return value.accept(new PropertyValue.Visitor<String>() {
            @Override
            public String text(PropertyValue.TextValue v) {
                return str(v.value());
            }

            @Override
            public String number(PropertyValue.NumberValue v) {
                return v.value().toPlainString();
            }

            @Override
            public String money(PropertyValue.MoneyValue v) {
                return RulePrinter.money(v.value());
            }

            @Override
            public String date(PropertyValue.DateValue v) {
                return v.value().toString();
            }

            @Override
            public String bool(PropertyValue.BooleanValue v) {
                return String.valueOf(v.value());
            }

            @Override
            public String choice(PropertyValue.ChoiceValue v) {
                return str(label(property, v.value()));
            }

            @Override
            public String choices(PropertyValue.MultiChoiceValue v) {
                throw new ValidationException("value", v.display(), "compare one entry at a time");
            }

            @Override
            public String employee(PropertyValue.EmployeeValue v) {
                return str(v.value().value());
            }

            @Override
            public String client(PropertyValue.ClientValue v) {
                return str(v.value().value().toString());
            }
        });
    }

    private static String label(RuleNames.NamedProperty property, ChoiceId choice) {
        PropertyType type = property.type();
        ValueList list = type instanceof PropertyType.ChoiceType ? ((PropertyType.ChoiceType) type).values()
                : type instanceof PropertyType.MultiChoiceType ? ((PropertyType.MultiChoiceType) type).values() : ValueList.empty();
        return list.find(choice).map(org.crmkit.property.Choice::label)
                .orElseThrow(() -> gone("entry of " + property.key().value(), choice.value()));
    }

    // ---- having ------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private String having(ClientCriterion.Having<?> having) {
        String relation = having.relation().name();
        Criterion<?> where = having.criterion();
        if (relation.equals(ContactPersonCriterion.OF_CLIENT.name())) {
            return "has contact (" + tree((Criterion<ContactPersonCriterion>) where, this::person) + ")";
        }
        if (relation.equals(InteractionCriterion.OF_CLIENT.name())) {
            return "has interaction (" + tree((Criterion<InteractionCriterion>) where, this::interaction) + ")";
        }
        if (relation.equals(DealCriterion.OF_CLIENT.name())) {
            return "has deal (" + tree((Criterion<DealCriterion>) where, this::deal) + ")";
        }
        if (relation.equals(ConsentCriterion.IN_EFFECT.name())) {
            return "has consent (" + tree((Criterion<ConsentCriterion>) where, this::consent) + ")";
        }
        if (relation.equals(SuppressionCriterion.OF_CLIENT.name())) {
            if (where instanceof Criterion.All<?>) {
                return "suppressed";
            }
            return "has suppression (" + tree((Criterion<SuppressionCriterion>) where, this::suppression) + ")";
        }
        if (relation.equals(SurveyCriterion.LAST_SCORES.name())) {
            return "has survey (" + tree((Criterion<SurveyCriterion>) where, this::survey) + ")";
        }
        if (relation.equals(ClientClassCriterion.OF_CLIENT.name())) {
            return "has class (" + tree((Criterion<ClientClassCriterion>) where, this::classes) + ")";
        }
        throw new ValidationException("relation", relation, "has no text form");
    }

    private String person(ContactPersonCriterion leaf) {
        return leaf.accept(new ContactPersonCriterion.Visitor<String>() {
            @Override
            public String positionIs(ContactPersonCriterion.PositionIs c) {
                return "position = " + str(c.position());
            }

            @Override
            public String responsibleIs(ContactPersonCriterion.ResponsibleIs c) {
                return "responsible = " + str(c.employee().value());
            }

            @Override
            public String phoneIs(ContactPersonCriterion.PhoneIs c) {
                return "phone = " + str(c.phone().e164());
            }

            @Override
            public String emailIs(ContactPersonCriterion.EmailIs c) {
                return "email = " + str(c.email().value());
            }

            @Override
            public String ofClient(ContactPersonCriterion.OfClient c) {
                return "client (" + tree(c.client(), RulePrinter.this::client) + ")";
            }
        });
    }

    private String interaction(InteractionCriterion leaf) {
        return leaf.accept(new InteractionCriterion.Visitor<String>() {
            @Override
            public String idIn(InteractionCriterion.IdIn c) {
                return "id in " + list(c.ids(), id -> str(id.value().toString()));
            }

            @Override
            public String ofClient(InteractionCriterion.OfClient c) {
                return "client (" + tree(c.client(), RulePrinter.this::client) + ")";
            }

            @Override
            public String responsibleIn(InteractionCriterion.ResponsibleIn c) {
                return "responsible in " + list(c.employees(), e -> str(e.value()));
            }

            @Override
            public String involves(InteractionCriterion.Involves c) {
                return "involves " + list(c.employees(), e -> str(e.value()));
            }

            @Override
            public String authorIs(InteractionCriterion.AuthorIs c) {
                return "author = " + str(c.employee().value());
            }

            @Override
            public String kindIn(InteractionCriterion.KindIn c) {
                return "kind in " + list(c.kinds(), k -> k.key());
            }

            @Override
            public String stateIn(InteractionCriterion.StateIn c) {
                return "state in " + list(c.states(), RuleText::word);
            }

            @Override
            public String importanceIs(InteractionCriterion.ImportanceIs c) {
                return "importance = " + RuleText.word(c.importance());
            }

            @Override
            public String startsIn(InteractionCriterion.StartsIn c) {
                return "starts in " + period(c.period());
            }

            @Override
            public String startedWithinLastDays(InteractionCriterion.StartedWithinLastDays c) {
                return "started within last " + c.days() + " days";
            }

            @Override
            public String overlaps(InteractionCriterion.Overlaps c) {
                return "overlaps " + period(c.period());
            }

            @Override
            public String overdueAt(InteractionCriterion.OverdueAt c) {
                return "overdue at " + c.now() + " today " + c.today();
            }

            @Override
            public String subjectContains(InteractionCriterion.SubjectContains c) {
                return "subject contains " + str(c.fragment());
            }

            @Override
            public String contentContains(InteractionCriterion.ContentContains c) {
                return "content contains " + str(c.fragment());
            }

            @Override
            public String forDeal(InteractionCriterion.ForDeal c) {
                return "deal = " + str(c.deal().value().toString());
            }
        });
    }

    private String deal(DealCriterion leaf) {
        return leaf.accept(new DealCriterion.Visitor<String>() {
            @Override
            public String idIn(DealCriterion.IdIn c) {
                return "id in " + list(c.ids(), id -> str(id.value().toString()));
            }

            @Override
            public String ofClient(DealCriterion.OfClient c) {
                return "client (" + tree(c.client(), RulePrinter.this::client) + ")";
            }

            @Override
            public String inPipeline(DealCriterion.InPipeline c) {
                return "pipeline = " + str(names.name(c.pipeline()).orElseThrow(() -> gone("pipeline", c.pipeline().value())));
            }

            @Override
            public String atStage(DealCriterion.AtStage c) {
                return "stage in " + list(c.stages(), s -> {
                    RuleNames.NamedStage stage = names.stage(s).orElseThrow(() -> gone("stage", s.value()));
                    return str(stage.pipelineName()) + "." + str(stage.name());
                });
            }

            @Override
            public String statusIs(DealCriterion.StatusIs c) {
                return "status = " + RuleText.word(c.status());
            }

            @Override
            public String responsibleIn(DealCriterion.ResponsibleIn c) {
                return "responsible in " + list(c.employees(), e -> str(e.value()));
            }

            @Override
            public String amountBetween(DealCriterion.AmountBetween c) {
                return "amount between " + money(c.from()) + " and " + money(c.to());
            }

            @Override
            public String expectedCloseBetween(DealCriterion.ExpectedCloseBetween c) {
                return "expected close between " + c.from() + " and " + c.to();
            }

            @Override
            public String sourceIs(DealCriterion.SourceIs c) {
                return "source = " + str(c.source());
            }

            @Override
            public String closedBetween(DealCriterion.ClosedBetween c) {
                return RuleText.word(c.outcome()) + " between " + c.from() + " and " + c.to();
            }
        });
    }

    private String consent(ConsentCriterion leaf) {
        return leaf.accept(c -> RuleText.word(c.channel()) + ", " + c.purpose().key());
    }

    private String suppression(SuppressionCriterion leaf) {
        return leaf.accept(c -> "reason in " + list(c.reasons(), RuleText::word));
    }

    private String survey(SurveyCriterion leaf) {
        return leaf.accept(c -> "score " + str(names.name(c.template()).orElseThrow(() -> gone("template", c.template().value())))
                + " " + str(c.question()) + " between " + c.min() + " and " + c.max());
    }

    private String classes(ClientClassCriterion leaf) {
        return leaf.accept(new ClientClassCriterion.Visitor<String>() {
            @Override
            public String gradeIn(ClientClassCriterion.GradeIn c) {
                return "grade in " + list(c.grades(), RuleText::word);
            }

            @Override
            public String scoreBetween(ClientClassCriterion.ScoreBetween c) {
                return RuleText.word(c.measure()) + " between " + c.min() + " and " + c.max();
            }
        });
    }
}
