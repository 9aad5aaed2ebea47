package org.crmkit.segment.json;

import org.crmkit.survey.SurveyCriterion;
import org.crmkit.survey.TemplateId;

/** The JSON of the survey leaves ({@link SurveyCriterion}): templates by id. */
final class SurveyLeafCodecs {
    private SurveyLeafCodecs() {
    }

    static LeafFamily<SurveyCriterion> family() {
        return LeafFamily.of(SurveyCriterion.class,
                LeafCodec.of("score-between", SurveyCriterion.ScoreBetween.class,
                        (leaf, out, trees) -> out.put("template", leaf.template().value().toString()).put("question", leaf.question())
                                .put("min", leaf.min()).put("max", leaf.max()),
                        (in, trees) -> {
                            TemplateId template = in.uuid("template", TemplateId::new);
                            return in.under("question", () -> new SurveyCriterion.ScoreBetween(template, in.text("question"), in.integer("min"), in.integer("max")));
                        }));
    }
}
