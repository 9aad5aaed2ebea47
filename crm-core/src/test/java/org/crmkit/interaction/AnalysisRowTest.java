package org.crmkit.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.junit.jupiter.api.Test;

/** Occurrences in the analysis: identified by the series and the original start, each counted as an interaction of its own. */
class AnalysisRowTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final EmployeeId ALEKSEEV = EmployeeId.of("alekseev");
    private static final Instant MONDAY = Instant.parse("2026-03-02T07:00:00Z");

    private static Interaction weekly() {
        return Interaction.plan(new InteractionId(UUID.randomUUID()), 7, InteractionKind.MEETING, "Планёрка",
                Timing.timed(MONDAY, MONDAY.plusSeconds(3600)), ALEKSEEV, Optional.empty()).repeat(Recurrence.of("FREQ=WEEKLY").in(MOSCOW));
    }

    @Test
    void anOccurrenceRowIsTheSeriesAndTheOriginalStartWithItsOwnStart() {
        Interaction series = weekly();
        Instant second = MONDAY.plusSeconds(7 * 86_400);
        Timing moved = Timing.timed(second.plusSeconds(86_400), second.plusSeconds(86_400 + 3600));
        Occurrence occurrence = Occurrence.of(series, moved, Optional.of(new OccurrenceOverride(new OccurrenceId(series.id(), second), moved,
                InteractionState.PLANNED, Optional.empty(), Optional.of(EmployeeId.of("panina")), 1)));

        AnalysisRow row = AnalysisRow.of(occurrence, Optional.empty(), Optional.empty());

        assertThat(row.occurrence()).contains(new OccurrenceId(series.id(), second));
        assertThat(row.start()).isEqualTo(moved.startKey());
        assertThat(row.responsible()).isEqualTo(EmployeeId.of("panina"));
        assertThat(row.number()).isEqualTo(7);
        assertThat(AnalysisRow.of(series.withVersion(1).repeat(null), Optional.empty()).occurrence()).as("a single item").isEmpty();
    }

    @Test
    void twoOccurrencesOfOneSeriesAreTwoInteractionsInEveryCount() {
        Interaction series = weekly();
        ClientId client = new ClientId(UUID.randomUUID());
        List<AnalysisRow> rows = List.of(0, 7).stream().map(days -> {
            Instant start = MONDAY.plusSeconds(days * 86_400L);
            return AnalysisRow.of(Occurrence.of(series, Timing.timed(start, start.plusSeconds(3600)), Optional.empty()), Optional.of(client),
                    Optional.of("Альфа"));
        }).collect(java.util.stream.Collectors.toList());

        InteractionAnalysis report = InteractionAnalysis.of(CalendarPeriod.month(YearMonth.of(2026, 3), MOSCOW), Optional.empty(), rows);

        assertThat(report.total()).isEqualTo(2);
        assertThat(report.responsible(ALEKSEEV).orElseThrow().interactions()).isEqualTo(2);
        assertThat(report.responsible(ALEKSEEV).orElseThrow().client(client).orElseThrow().kind(InteractionKind.MEETING).orElseThrow()
                .interactions()).isEqualTo(2);
    }

    @Test
    void aSingleInteractionIsNotAnOccurrenceRow() {
        Interaction single = weekly().repeat(null);
        assertThatThrownBy(() -> AnalysisRow.of(Occurrence.single(single), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("occurrence"));
        assertThatThrownBy(() -> AnalysisRow.of(Occurrence.of(weekly(), weekly().timing(), Optional.empty()), Optional.empty(),
                Optional.of("Альфа"))).as("a name without a client")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("clientName"));
    }
}
