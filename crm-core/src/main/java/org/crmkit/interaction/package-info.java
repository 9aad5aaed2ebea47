/**
 * Interactions with clients (1C's "Событие"): calls, meetings, letters, tasks, promises and the
 * rest, planned and done, as one aggregate {@link org.crmkit.interaction.Interaction} with verbs;
 * its criteria (and the relation by which clients are filtered by their interactions), its store,
 * the use cases {@link org.crmkit.interaction.Interactions} (calendar, a client's history,
 * control of obligations, hand-over of open items) and its events. iCalendar export lives in the
 * module crm-ical; recurrence and reminders are later, and this package leaves room for them
 * without faking them.
 */
package org.crmkit.interaction;
