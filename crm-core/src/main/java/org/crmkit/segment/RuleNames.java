package org.crmkit.segment;

import java.util.Optional;

import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.CleanText;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ValidationException;
import org.crmkit.deal.PipelineId;
import org.crmkit.deal.StageId;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyType;
import org.crmkit.survey.TemplateId;

/**
 * The tenant's names for what rules refer to by id, for the text face of a rule
 * ({@link RuleText}): a person types the display name ({@code group in ("Покупатели")}), the rule
 * holds the id, and printing turns the id back into the name of today. Names are matched ignoring
 * case and ё/е. Employees, interaction kinds and consent purposes are written by their keys, which
 * are already words people read.
 *
 * <p>{@link #builder()} makes a fixed set (tests, a host that caches its schema);
 * {@code crm.segmentRules()} answers from the tenant's stores.
 */
public interface RuleNames {
    /** A property as rules see it: its stable key, its display name and its type (which decides the literal it is compared with). */
    record NamedProperty(PropertyKey key, String name, PropertyType type) {
        public NamedProperty {
            ValidationException.required(key, "key");
            ValidationException.required(name, "name");
            ValidationException.required(type, "type");
        }
    }

    /** A stage by its pipeline and its own name (stage names repeat across pipelines). */
    record NamedStage(StageId id, PipelineId pipeline, String pipelineName, String name) {
        public NamedStage {
            ValidationException.required(id, "id");
            ValidationException.required(pipeline, "pipeline");
            ValidationException.required(pipelineName, "pipelineName");
            ValidationException.required(name, "name");
        }
    }

    Optional<NamedProperty> property(String name);

    Optional<NamedProperty> property(PropertyKey key);

    Optional<ClientGroupId> group(String name);

    Optional<String> name(ClientGroupId group);

    Optional<RelationshipTypeId> relationship(String name);

    Optional<String> name(RelationshipTypeId relationship);

    Optional<PipelineId> pipeline(String name);

    Optional<String> name(PipelineId pipeline);

    Optional<NamedStage> stage(String pipelineName, String stageName);

    Optional<NamedStage> stage(StageId stage);

    Optional<TemplateId> template(String name);

    Optional<String> name(TemplateId template);

    static Builder builder() {
        return new Builder();
    }

    /** A fixed set of names: the first entry with a name (folded) wins, as does the first name of an id. */
    final class Builder {
        private final NameIndex<NamedProperty> properties = new NameIndex<>();
        private final NameIndex<ClientGroupId> groups = new NameIndex<>();
        private final NameIndex<RelationshipTypeId> relationships = new NameIndex<>();
        private final NameIndex<PipelineId> pipelines = new NameIndex<>();
        private final NameIndex<NamedStage> stages = new NameIndex<>();
        private final NameIndex<TemplateId> templates = new NameIndex<>();

        private Builder() {
        }

        public Builder property(PropertyKey key, String name, PropertyType type) {
            NamedProperty property = new NamedProperty(key, name, type);
            properties.put(property, name);
            return this;
        }

        public Builder group(ClientGroupId id, String name) {
            groups.put(ValidationException.required(id, "id"), name);
            return this;
        }

        public Builder relationship(RelationshipTypeId id, String name) {
            relationships.put(ValidationException.required(id, "id"), name);
            return this;
        }

        public Builder pipeline(PipelineId id, String name) {
            pipelines.put(ValidationException.required(id, "id"), name);
            return this;
        }

        /** A stage of a pipeline named before by {@link #pipeline}. */
        public Builder stage(PipelineId pipeline, StageId id, String name) {
            ValidationException.required(pipeline, "pipeline");
            String pipelineName = pipelines.name(pipeline)
                    .orElseThrow(() -> new ValidationException("pipeline", pipeline.value(), "is not named yet"));
            stages.put(new NamedStage(id, pipeline, pipelineName, name), CleanText.fold(pipelineName) + "\u0000" + name);
            return this;
        }

        public Builder template(TemplateId id, String name) {
            templates.put(ValidationException.required(id, "id"), name);
            return this;
        }

        public RuleNames build() {
            NameIndex<NamedProperty> p = properties.copy();
            NameIndex<ClientGroupId> g = groups.copy();
            NameIndex<RelationshipTypeId> r = relationships.copy();
            NameIndex<PipelineId> pl = pipelines.copy();
            NameIndex<NamedStage> st = stages.copy();
            NameIndex<TemplateId> t = templates.copy();
            return new RuleNames() {
                @Override
                public Optional<NamedProperty> property(String name) {
                    return p.byName(name);
                }

                @Override
                public Optional<NamedProperty> property(PropertyKey key) {
                    ValidationException.required(key, "key");
                    return p.find(n -> n.key().equals(key));
                }

                @Override
                public Optional<ClientGroupId> group(String name) {
                    return g.byName(name);
                }

                @Override
                public Optional<String> name(ClientGroupId group) {
                    return g.name(ValidationException.required(group, "group"));
                }

                @Override
                public Optional<RelationshipTypeId> relationship(String name) {
                    return r.byName(name);
                }

                @Override
                public Optional<String> name(RelationshipTypeId relationship) {
                    return r.name(ValidationException.required(relationship, "relationship"));
                }

                @Override
                public Optional<PipelineId> pipeline(String name) {
                    return pl.byName(name);
                }

                @Override
                public Optional<String> name(PipelineId pipeline) {
                    return pl.name(ValidationException.required(pipeline, "pipeline"));
                }

                @Override
                public Optional<NamedStage> stage(String pipelineName, String stageName) {
                    ValidationException.required(pipelineName, "pipelineName");
                    ValidationException.required(stageName, "stageName");
                    return st.byName(CleanText.fold(pipelineName) + "\u0000" + stageName);
                }

                @Override
                public Optional<NamedStage> stage(StageId stage) {
                    ValidationException.required(stage, "stage");
                    return st.find(s -> s.id().equals(stage));
                }

                @Override
                public Optional<TemplateId> template(String name) {
                    return t.byName(name);
                }

                @Override
                public Optional<String> name(TemplateId template) {
                    return t.name(ValidationException.required(template, "template"));
                }
            };
        }
    }
}
