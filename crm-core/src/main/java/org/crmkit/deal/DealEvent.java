package org.crmkit.deal;

import java.time.Instant;
import java.util.Set;

import org.crmkit.common.ClientId;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;

/** What happened to a deal; published to the host's listeners after the change is committed. */
public sealed interface DealEvent extends DomainEvent {
    DealId deal();

    ClientId client();

    /** A deal was opened. */
    record DealOpened(TenantId tenant, DealId deal, ClientId client, StageId stage, Instant at, String actor) implements DealEvent {
        public DealOpened {
            ValidationException.required(deal, "deal");
        }
    }

    /** An open deal moved from one open stage to another. */
    record StageChanged(TenantId tenant, DealId deal, ClientId client, StageId from, StageId to, Instant at, String actor) implements DealEvent {
        public StageChanged {
            ValidationException.required(deal, "deal");
        }
    }

    /** A deal was won. */
    record DealWon(TenantId tenant, DealId deal, ClientId client, StageId stage, Instant at, String actor) implements DealEvent {
        public DealWon {
            ValidationException.required(deal, "deal");
        }
    }

    /** A deal was lost, for a reason. */
    record DealLost(TenantId tenant, DealId deal, ClientId client, LostReasonId reason, Instant at, String actor) implements DealEvent {
        public DealLost {
            ValidationException.required(deal, "deal");
        }
    }

    /** A won or lost deal was reopened. */
    record DealReopened(TenantId tenant, DealId deal, ClientId client, StageId stage, Instant at, String actor) implements DealEvent {
        public DealReopened {
            ValidationException.required(deal, "deal");
        }
    }

    /** Other fields of a deal changed; {@code fields} as in the journal. */
    record DealChanged(TenantId tenant, DealId deal, ClientId client, Set<String> fields, Instant at, String actor) implements DealEvent {
        public DealChanged {
            fields = Set.copyOf(fields);
        }
    }
}
