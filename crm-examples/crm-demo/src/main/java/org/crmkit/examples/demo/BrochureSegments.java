package org.crmkit.examples.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientSummary;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.DomainEventListener;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.Purpose;
import org.crmkit.criteria.Criterion;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyCondition;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.segment.Segment;
import org.crmkit.segment.SegmentEvent;
import org.crmkit.segment.SegmentId;
import org.crmkit.segment.json.RuleJson;

/**
 * The brochure's "pick the clients who share what matters": the segment of clients interested in
 * kitchen furniture who attended the seminar and may receive marketing e-mail, built in Java,
 * printed as text and as JSON, saved (found again by name on a later run), counted and listed; a
 * snapshot list made from it and edited by hand; and a client entering the segment live when its
 * seminar mark changes, as the host's listener hears it.
 */
public final class BrochureSegments {
    /** The saved dynamic segment's name. */
    static final String SEGMENT = "Кухонная мебель, были на семинаре, согласны на рассылку";
    /** The snapshot list's name. */
    static final String LIST = "Приглашения на осенний семинар";

    private BrochureSegments() {
    }

    /** The segment events the Crm published, in order: a listener the host registers on the builder. */
    public static final class Events implements DomainEventListener {
        private final List<SegmentEvent> heard = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void on(DomainEvent event) {
            if (event instanceof SegmentEvent) {
                heard.add((SegmentEvent) event);
            }
        }

        /** What was heard so far. */
        public List<SegmentEvent> heard() {
            synchronized (heard) {
                return List.copyOf(heard);
            }
        }
    }

    /** The rule built in Java from the tenant's schema (the property keys and the choice's id). */
    public static Criterion<ClientCriterion> rule(Crm crm) {
        PropertyDefinition furniture = crm.properties().get("furniture").orElseThrow();
        ChoiceId kitchen = ((PropertyType.MultiChoiceType) furniture.type()).values().byLabel("Кухонная мебель").orElseThrow().id();
        return Criterion.and(
                new ClientCriterion.PropertyMatches(furniture.key(), new PropertyCondition.AnyOf(Set.of(kitchen))),
                new ClientCriterion.PropertyMatches(PropertyKey.of("seminar"), new PropertyCondition.Filled()),
                ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.MARKETING));
    }

    /** Saves (or finds) the segment and the list, edits the list and shows live membership, printing each step. */
    public static void run(Crm crm, Events events, PrintStream out) {
        Criterion<ClientCriterion> rule = rule(crm);
        Segment segment = byName(crm, SEGMENT).orElse(null);
        if (segment == null) {
            segment = crm.segments().saveDynamic(SEGMENT, rule);
            out.println("Сегмент \"" + SEGMENT + "\" сохранён.");
        } else {
            out.println("Сегмент \"" + SEGMENT + "\" найден (сохранён при прошлом запуске).");
        }
        out.println("  Правило текстом: " + crm.segmentRules().print(rule));
        out.println("  Правило в JSON: " + RuleJson.write(rule));
        out.println("  Разобрано из текста то же правило: " + crm.segmentRules().parse(crm.segmentRules().print(rule)).equals(segment.rule()));
        SegmentId id = segment.id();
        out.println("  Клиентов в сегменте: " + crm.segments().count(id));
        for (ClientSummary member : crm.segments().members(id, 0, 100)) {
            out.println("    " + member.shortName() + " (" + member.code() + ")");
        }

        Segment list = byName(crm, LIST).orElse(null);
        if (list == null) {
            list = crm.segments().freeze(LIST, id);
            out.println("Список \"" + LIST + "\" снят с сегмента: " + crm.segments().count(list.id()) + " клиент(ов) на " + list.frozenAt().orElseThrow());
        } else {
            out.println("Список \"" + LIST + "\" найден (снят при прошлом запуске " + list.frozenAt().orElseThrow() + ").");
        }
        Client prime = client(crm, "Прайм-М");
        Client pitersoft = client(crm, "Питерсофт");
        out.println("  Добавлен вручную Прайм-М: " + (crm.segments().add(list.id(), prime.id()) ? "да" : "уже в списке"));
        out.println("  Добавлен вручную Питерсофт: " + (crm.segments().add(list.id(), pitersoft.id()) ? "да" : "уже в списке"));
        out.println("  Убран вручную Питерсофт: " + (crm.segments().remove(list.id(), pitersoft.id()) ? "да" : "не был в списке"));
        for (ClientSummary member : crm.segments().members(list.id(), 0, 100)) {
            crm.segments().member(list.id(), member.id()).ifPresent(row ->
                    out.println("    " + member.shortName() + " — добавил " + row.addedBy() + ", " + row.addedAt()));
        }

        Client alkhimov = client(crm, "Алхимов");
        PropertyDefinition seminar = crm.properties().get("seminar").orElseThrow();
        PropertyValue mark = alkhimov.property(seminar.key()).orElseThrow();
        int before = events.heard().size();
        crm.clients().update(alkhimov.id(), c -> c.clearProperty(seminar.key()));
        out.println("Отметка о семинаре у " + alkhimov.shortName() + " стёрта; в сегменте: " + crm.segments().count(id));
        crm.clients().update(alkhimov.id(), c -> c.setProperty(seminar, mark));
        out.println("Отметка о семинаре у " + alkhimov.shortName() + " восстановлена; в сегменте: " + crm.segments().count(id));
        for (SegmentEvent event : events.heard().subList(before, events.heard().size())) {
            if (!event.segment().equals(id)) {
                continue;
            }
            if (event instanceof SegmentEvent.Entered) {
                SegmentEvent.Entered entered = (SegmentEvent.Entered) event;
                out.println("  Слушатель получил: вошёл в сегмент " + client(crm, entered.client()) + " (" + entered.actor() + ", " + entered.at() + ")");
            } else if (event instanceof SegmentEvent.Left) {
                SegmentEvent.Left left = (SegmentEvent.Left) event;
                out.println("  Слушатель получил: вышел из сегмента " + client(crm, left.client()) + " (" + left.actor() + ", " + left.at() + ")");
            }
        }
        out.println();
    }

    private static java.util.Optional<Segment> byName(Crm crm, String name) {
        return crm.segments().all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static Client client(Crm crm, String name) {
        ClientSummary found = crm.clients().search(name).get(0);
        return crm.clients().get(found.id());
    }

    private static String client(Crm crm, org.crmkit.common.ClientId id) {
        return crm.clients().get(id).shortName();
    }
}
