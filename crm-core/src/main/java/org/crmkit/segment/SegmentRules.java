package org.crmkit.segment;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientGroup;
import org.crmkit.client.ClientGroups;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypes;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.Pipeline;
import org.crmkit.deal.Pipelines;
import org.crmkit.deal.Stage;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertySchema;
import org.crmkit.storage.FeatureUnavailableException;
import org.crmkit.survey.Surveys;
import org.crmkit.survey.Template;
import org.crmkit.usecase.CrmContext;

/**
 * The text face of segment rules for one tenant ({@code crm.segmentRules()}): names are read from
 * the tenant's schema (properties, groups, relationship types, pipelines and stages, survey
 * templates) when a rule is parsed or printed, so a renamed group prints under its new name and a
 * rule naming a deleted one says so. Active entries win over archived or retired ones of the same
 * name; a storage without deals or surveys simply offers none of their names.
 */
public final class SegmentRules {
    private final CrmContext context;

    public SegmentRules(CrmContext context) {
        this.context = ValidationException.required(context, "context");
    }

    /** The tenant's names as they are now. */
    public RuleNames names() {
        RuleNames.Builder names = RuleNames.builder();
        List<PropertyDefinition> properties = new PropertySchema(context).all().stream()
                .sorted(Comparator.comparing(PropertyDefinition::archived)).toList();
        properties.forEach(p -> names.property(p.key(), p.label(), p.type()));
        new ClientGroups(context).all().forEach((ClientGroup g) -> names.group(g.id(), g.name()));
        new RelationshipTypes(context).all().stream().sorted(Comparator.comparing(RelationshipType::retired))
                .forEach(r -> names.relationship(r.id(), r.name()));
        optional(() -> new Pipelines(context).all(), pipelines -> pipelines.forEach((Pipeline p) -> {
            names.pipeline(p.id(), p.name());
            p.stages().stream().sorted(Comparator.comparing(Stage::retired)).forEach(s -> names.stage(p.id(), s.id(), s.name()));
        }));
        optional(() -> new Surveys(context).templates(), templates -> templates.forEach((Template t) -> names.template(t.id(), t.name())));
        return names.build();
    }

    /** The rule the text says, names resolved in the tenant's schema; see {@link RuleText} for the syntax. */
    public Criterion<ClientCriterion> parse(String text) {
        ValidationException.required(text, "text");
        return RuleText.with(names()).parse(text);
    }

    /** The rule in canonical text, ids shown by their names of today. */
    public String print(Criterion<ClientCriterion> rule) {
        ValidationException.required(rule, "rule");
        return RuleText.with(names()).print(rule);
    }

    private static <T> void optional(Supplier<T> read, Consumer<T> use) {
        T value;
        try {
            value = read.get();
        } catch (FeatureUnavailableException e) {
            return;
        }
        use.accept(value);
    }
}
