/**
 * iCalendar (RFC 5545) export of interactions: an employee's calendar for a period, or one item,
 * as a text a calendar program imports or subscribes to. It lives beside crm-core, not in it, so
 * the domain stays free of the iCalendar library (biweekly).
 */
package org.crmkit.ical;
