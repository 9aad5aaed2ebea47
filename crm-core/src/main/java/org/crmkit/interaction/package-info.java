/**
 * Interactions with clients (1C's "Событие"): calls, meetings, letters, tasks, promises and the
 * rest, planned and done, as one aggregate {@link org.crmkit.interaction.Interaction} with verbs;
 * its criteria (and the relation by which clients are filtered by their interactions), its store,
 * the use cases {@link org.crmkit.interaction.Interactions} (calendar, a client's history,
 * control of obligations, hand-over of open items, and the two reports
 * {@link org.crmkit.interaction.InteractionAnalysis} and
 * {@link org.crmkit.interaction.ClientsWithoutInteractions}) and its events; and the reminders on
 * interactions ({@link org.crmkit.interaction.Reminder}, {@link org.crmkit.interaction.Reminders}:
 * leased to one polling host at a time, acknowledged, due again after an unacknowledged lease),
 * which follow their interaction when it is rescheduled, reassigned or closed. Series: an
 * interaction with a {@link org.crmkit.interaction.Recurrence} (RFC 5545 RRULE, expanded by
 * lib-recur in the responsible employee's zone), whose occurrences each have their own state
 * ({@link org.crmkit.interaction.OccurrenceOverride}), read and changed through
 * {@link org.crmkit.interaction.Occurrences}. iCalendar export lives in the module crm-ical.
 */
package org.crmkit.interaction;
