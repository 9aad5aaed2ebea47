package org.crmkit.segment.json;

import java.time.ZoneId;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.crmkit.common.EmployeeId;
import org.crmkit.deal.DealId;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.Importance;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionState;

/** The JSON of an interaction's leaves ({@link InteractionCriterion}). */
final class InteractionLeafCodecs {
    private InteractionLeafCodecs() {
    }

    static LeafFamily<InteractionCriterion> family() {
        return LeafFamily.of(InteractionCriterion.class,
                LeafCodec.of("id-in", InteractionCriterion.IdIn.class,
                        (leaf, out, trees) -> Trees.putSet(out, "ids", leaf.ids(), id -> id.value().toString()),
                        (in, trees) -> new InteractionCriterion.IdIn(in.uuids("ids", InteractionId::new))),
                LeafCodec.of("of-client", InteractionCriterion.OfClient.class,
                        (leaf, out, trees) -> out.set("client", trees.write(leaf.client(), LeafCodecs.client())),
                        (in, trees) -> new InteractionCriterion.OfClient(trees.readNested(in, "client", LeafCodecs.client()))),
                LeafCodec.of("responsible-in", InteractionCriterion.ResponsibleIn.class,
                        (leaf, out, trees) -> Trees.putSet(out, "employees", leaf.employees(), EmployeeId::value),
                        (in, trees) -> new InteractionCriterion.ResponsibleIn(in.set("employees", EmployeeId::new))),
                LeafCodec.of("involves", InteractionCriterion.Involves.class,
                        (leaf, out, trees) -> Trees.putSet(out, "employees", leaf.employees(), EmployeeId::value),
                        (in, trees) -> new InteractionCriterion.Involves(in.set("employees", EmployeeId::new))),
                LeafCodec.of("author-is", InteractionCriterion.AuthorIs.class,
                        (leaf, out, trees) -> out.put("employee", leaf.employee().value()),
                        (in, trees) -> new InteractionCriterion.AuthorIs(in.value("employee", EmployeeId::new))),
                LeafCodec.of("kind-in", InteractionCriterion.KindIn.class,
                        (leaf, out, trees) -> Trees.putSet(out, "kinds", leaf.kinds(), InteractionKind::key),
                        (in, trees) -> new InteractionCriterion.KindIn(in.set("kinds", InteractionKind::new))),
                LeafCodec.of("state-in", InteractionCriterion.StateIn.class,
                        (leaf, out, trees) -> Trees.putSet(out, "states", leaf.states(), Enum::name),
                        (in, trees) -> new InteractionCriterion.StateIn(in.enums("states", InteractionState.class))),
                LeafCodec.of("importance-is", InteractionCriterion.ImportanceIs.class,
                        (leaf, out, trees) -> out.put("importance", leaf.importance().name()),
                        (in, trees) -> new InteractionCriterion.ImportanceIs(in.enumValue("importance", Importance.class))),
                LeafCodec.of("starts-in", InteractionCriterion.StartsIn.class,
                        (leaf, out, trees) -> period(leaf.period(), out),
                        (in, trees) -> new InteractionCriterion.StartsIn(period(in))),
                LeafCodec.of("started-within-last-days", InteractionCriterion.StartedWithinLastDays.class,
                        (leaf, out, trees) -> out.put("days", leaf.days()),
                        (in, trees) -> in.under("days", () -> new InteractionCriterion.StartedWithinLastDays(in.integer("days")))),
                LeafCodec.of("overlaps", InteractionCriterion.Overlaps.class,
                        (leaf, out, trees) -> period(leaf.period(), out),
                        (in, trees) -> new InteractionCriterion.Overlaps(period(in))),
                LeafCodec.of("overdue-at", InteractionCriterion.OverdueAt.class,
                        (leaf, out, trees) -> out.put("now", leaf.now().toString()).put("today", leaf.today().toString()),
                        (in, trees) -> new InteractionCriterion.OverdueAt(in.instant("now"), in.date("today"))),
                LeafCodec.of("subject-contains", InteractionCriterion.SubjectContains.class,
                        (leaf, out, trees) -> out.put("fragment", leaf.fragment()),
                        (in, trees) -> in.value("fragment", InteractionCriterion.SubjectContains::new)),
                LeafCodec.of("content-contains", InteractionCriterion.ContentContains.class,
                        (leaf, out, trees) -> out.put("fragment", leaf.fragment()),
                        (in, trees) -> in.value("fragment", InteractionCriterion.ContentContains::new)),
                LeafCodec.of("for-deal", InteractionCriterion.ForDeal.class,
                        (leaf, out, trees) -> out.put("deal", leaf.deal().value().toString()),
                        (in, trees) -> new InteractionCriterion.ForDeal(in.uuid("deal", DealId::new))));
    }

    /** A period as its two instants and the zone its days are read in. */
    private static void period(CalendarPeriod period, ObjectNode out) {
        out.put("from", period.from().toString()).put("until", period.until().toString()).put("zone", period.zone().getId());
    }

    private static CalendarPeriod period(Fields in) {
        ZoneId zone = in.value("zone", ZoneId::of);
        return in.under("until", () -> new CalendarPeriod(in.instant("from"), in.instant("until"), zone));
    }
}
