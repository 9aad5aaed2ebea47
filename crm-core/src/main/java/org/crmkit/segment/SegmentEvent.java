package org.crmkit.segment;

import java.time.Instant;

import org.crmkit.common.ClientId;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;

/** What happened to saved segments; published to the host's listeners after the change is committed. */
public sealed interface SegmentEvent extends DomainEvent {
    SegmentId segment();

    /** A segment was saved for the first time (a dynamic one, or a list frozen with {@code members} rows). */
    record Added(TenantId tenant, SegmentId segment, SegmentKind kind, long members, Instant at, String actor) implements SegmentEvent {
        public Added {
            ValidationException.required(segment, "segment");
        }
    }

    /** A segment was renamed or its rule changed. */
    record Changed(TenantId tenant, SegmentId segment, Instant at, String actor) implements SegmentEvent {
        public Changed {
            ValidationException.required(segment, "segment");
        }
    }

    /** A segment was deleted, with its member rows. */
    record Deleted(TenantId tenant, SegmentId segment, Instant at, String actor) implements SegmentEvent {
        public Deleted {
            ValidationException.required(segment, "segment");
        }
    }

    /** A client was put on a snapshot list by hand. */
    record MemberAdded(TenantId tenant, SegmentId segment, ClientId client, Instant at, String actor) implements SegmentEvent {
        public MemberAdded {
            ValidationException.required(client, "client");
        }
    }

    /** A client was taken off a snapshot list by hand. */
    record MemberRemoved(TenantId tenant, SegmentId segment, ClientId client, Instant at, String actor) implements SegmentEvent {
        public MemberRemoved {
            ValidationException.required(client, "client");
        }
    }

    /** A client came to match a dynamic segment's rule (live membership or a sweep found it). */
    record Entered(TenantId tenant, SegmentId segment, ClientId client, Instant at, String actor) implements SegmentEvent {
        public Entered {
            ValidationException.required(client, "client");
        }
    }

    /** A client no longer matches a dynamic segment's rule. */
    record Left(TenantId tenant, SegmentId segment, ClientId client, Instant at, String actor) implements SegmentEvent {
        public Left {
            ValidationException.required(client, "client");
        }
    }
}
