package org.crmkit.segment.json;

import java.util.Currency;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.deal.DealCriterion;
import org.crmkit.deal.DealId;
import org.crmkit.deal.PipelineId;
import org.crmkit.deal.StageId;
import org.crmkit.deal.StageKind;

/** The JSON of a deal's leaves ({@link DealCriterion}): pipelines and stages by id, never by name. */
final class DealLeafCodecs {
    private DealLeafCodecs() {
    }

    static LeafFamily<DealCriterion> family() {
        return LeafFamily.of(DealCriterion.class,
                LeafCodec.of("id-in", DealCriterion.IdIn.class,
                        (leaf, out, trees) -> Trees.putSet(out, "ids", leaf.ids(), id -> id.value().toString()),
                        (in, trees) -> new DealCriterion.IdIn(in.uuids("ids", DealId::new))),
                LeafCodec.of("of-client", DealCriterion.OfClient.class,
                        (leaf, out, trees) -> out.set("client", trees.write(leaf.client(), LeafCodecs.client())),
                        (in, trees) -> new DealCriterion.OfClient(trees.readNested(in, "client", LeafCodecs.client()))),
                LeafCodec.of("in-pipeline", DealCriterion.InPipeline.class,
                        (leaf, out, trees) -> out.put("pipeline", leaf.pipeline().value().toString()),
                        (in, trees) -> new DealCriterion.InPipeline(in.uuid("pipeline", PipelineId::new))),
                LeafCodec.of("at-stage", DealCriterion.AtStage.class,
                        (leaf, out, trees) -> Trees.putSet(out, "stages", leaf.stages(), s -> s.value().toString()),
                        (in, trees) -> new DealCriterion.AtStage(in.uuids("stages", StageId::new))),
                LeafCodec.of("status-is", DealCriterion.StatusIs.class,
                        (leaf, out, trees) -> out.put("status", leaf.status().name()),
                        (in, trees) -> new DealCriterion.StatusIs(in.enumValue("status", StageKind.class))),
                LeafCodec.of("responsible-in", DealCriterion.ResponsibleIn.class,
                        (leaf, out, trees) -> Trees.putSet(out, "employees", leaf.employees(), EmployeeId::value),
                        (in, trees) -> new DealCriterion.ResponsibleIn(in.set("employees", EmployeeId::new))),
                LeafCodec.of("amount-between", DealCriterion.AmountBetween.class,
                        (leaf, out, trees) -> {
                            out.put("currency", leaf.from().currency().getCurrencyCode());
                            out.put("from", leaf.from().amount().toPlainString());
                            out.put("to", leaf.to().amount().toPlainString());
                        },
                        (in, trees) -> {
                            Currency currency = in.value("currency", Currency::getInstance);
                            Money from = in.under("from", () -> new Money(in.decimal("from"), currency));
                            Money to = in.under("to", () -> new Money(in.decimal("to"), currency));
                            return in.under("to", () -> new DealCriterion.AmountBetween(from, to));
                        }),
                LeafCodec.of("expected-close-between", DealCriterion.ExpectedCloseBetween.class,
                        (leaf, out, trees) -> days(out, leaf.from(), leaf.to()),
                        (in, trees) -> in.under("to", () -> new DealCriterion.ExpectedCloseBetween(in.date("from"), in.date("to")))),
                LeafCodec.of("source-is", DealCriterion.SourceIs.class,
                        (leaf, out, trees) -> out.put("source", leaf.source()),
                        (in, trees) -> in.value("source", DealCriterion.SourceIs::new)),
                LeafCodec.of("closed-between", DealCriterion.ClosedBetween.class,
                        (leaf, out, trees) -> days(out.put("outcome", leaf.outcome().name()), leaf.from(), leaf.to()),
                        (in, trees) -> {
                            StageKind outcome = in.enumValue("outcome", StageKind.class);
                            return in.under("outcome", () -> new DealCriterion.ClosedBetween(outcome, in.date("from"), in.date("to")));
                        }));
    }

    private static void days(ObjectNode out, java.time.LocalDate from, java.time.LocalDate to) {
        out.put("from", from.toString()).put("to", to.toString());
    }
}
