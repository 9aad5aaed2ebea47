package org.crmkit.segment.json;

import org.crmkit.ledger.ClientClassCriterion;
import org.crmkit.ledger.ClientClasses;

/** The JSON of the client-class leaves ({@link ClientClassCriterion}): ABC grades and RFM scores. */
final class LedgerLeafCodecs {
    private LedgerLeafCodecs() {
    }

    static LeafFamily<ClientClassCriterion> family() {
        return LeafFamily.of(ClientClassCriterion.class,
                LeafCodec.of("grade-in", ClientClassCriterion.GradeIn.class,
                        (leaf, out, trees) -> Trees.putSet(out, "grades", leaf.grades(), Enum::name),
                        (in, trees) -> in.under("grades", () -> new ClientClassCriterion.GradeIn(in.enums("grades", ClientClasses.Grade.class)))),
                LeafCodec.of("score-between", ClientClassCriterion.ScoreBetween.class,
                        (leaf, out, trees) -> out.put("measure", leaf.measure().name()).put("min", leaf.min()).put("max", leaf.max()),
                        (in, trees) -> {
                            ClientClassCriterion.Measure measure = in.enumValue("measure", ClientClassCriterion.Measure.class);
                            return in.under("measure", () -> new ClientClassCriterion.ScoreBetween(measure, in.integer("min"), in.integer("max")));
                        }));
    }
}
