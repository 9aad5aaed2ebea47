package org.crmkit.storage.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.common.ClientId;
import org.crmkit.ledger.Fact;
import org.crmkit.ledger.FactKey;

/**
 * The order lines behind the brochure's report "Доходы и расходы" (variant "Ведомость"): each
 * customer order of Алхимов А.А., Баев и Ко, Белявский and Иваночкин with its income and expense
 * as the brochure prints them (Белявский's order ТД-00000004 is a return: both negative), and the
 * income and expense without a client (the report's first line, which has no client and no order).
 * Dates are the orders' dates. Totals are not part of the fixture: a test adds them up.
 */
public final class BrochureLedger {
    /** The period that holds every line. */
    public static final LocalDate FROM = LocalDate.of(2009, 12, 1);
    public static final LocalDate UNTIL = LocalDate.of(2010, 12, 31);

    public static final List<String> CLIENTS = List.of("Алхимов А.А.", "Баев и Ко", "Белявский", "Иваночкин");

    /** One line: the client's short name (empty: no client), the order (empty: none), the date, income and expense. */
    public record Line(Optional<String> client, Optional<String> order, LocalDate date, String income, String expense) {
        static Line order(String client, String order, LocalDate date, String income, String expense) {
            return new Line(Optional.of(client), Optional.of(order), date, income, expense);
        }
    }

    public static final List<Line> LINES = List.of(
            Line.order("Алхимов А.А.", "ТД-00000005", LocalDate.of(2009, 12, 3), "20369.75", "13071.19"),
            Line.order("Алхимов А.А.", "СЛ-00000004", LocalDate.of(2009, 12, 3), "4888.74", "0"),
            Line.order("Алхимов А.А.", "СЛ-00000005", LocalDate.of(2009, 12, 3), "819.27", "248.03"),
            Line.order("Баев и Ко", "ТД-00000002", LocalDate.of(2010, 1, 20), "16295.80", "1527.39"),
            Line.order("Баев и Ко", "СЛ-00000002", LocalDate.of(2010, 1, 20), "819.27", "138.04"),
            Line.order("Баев и Ко", "СЛ-00000001", LocalDate.of(2010, 10, 29), "4888.74", "0"),
            Line.order("Белявский", "ТД-00000004", LocalDate.of(2009, 12, 2), "-203.70", "-397.40"),
            Line.order("Белявский", "ТД-00000001", LocalDate.of(2010, 1, 17), "4073.96", "0"),
            Line.order("Иваночкин", "ПР-00000002", LocalDate.of(2009, 12, 2), "4.07", "763.67"),
            Line.order("Иваночкин", "ПР-00000001", LocalDate.of(2010, 1, 17), "12.22", "763.27"),
            new Line(Optional.empty(), Optional.empty(), LocalDate.of(2010, 6, 30), "122653.34", "100111.57"));

    private BrochureLedger() {
    }

    /** The lines as facts in RUB: an order's line keyed by the order, the line without a client by a document of its own. */
    public static List<Fact> facts(Map<String, ClientId> clients) {
        List<Fact> facts = new ArrayList<>();
        for (Line line : LINES) {
            FactKey key = line.order().map(o -> new FactKey("customer-order", o, 1)).orElseGet(() -> new FactKey("other", "ПРОЧЕЕ-2010", 1));
            facts.add(Fact.of(key, line.date(), line.income(), line.expense(), "RUB")
                    .forClient(line.client().map(clients::get).orElse(null)).forOrder(line.order().orElse(null)));
        }
        return facts;
    }
}
