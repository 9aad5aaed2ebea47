package org.crmkit.segment;

import java.time.Instant;

import org.crmkit.common.ClientId;
import org.crmkit.common.ValidationException;

/** A client on a snapshot list: who put it there ({@code addedBy}, the journal's actor name) and when. */
public record SegmentMember(ClientId client, String addedBy, Instant addedAt) {
    public SegmentMember {
        ValidationException.required(client, "client");
        ValidationException.required(addedBy, "addedBy");
        ValidationException.required(addedAt, "addedAt");
    }
}
