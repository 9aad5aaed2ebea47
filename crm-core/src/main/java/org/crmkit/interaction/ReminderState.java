package org.crmkit.interaction;

/**
 * Where a reminder stands: {@link #PENDING} until it is handed out, {@link #LEASED} to one caller
 * of {@link Reminders#due} until its lease ends (then it is due again), {@link #ACKNOWLEDGED} once
 * that caller has fired it (for good).
 */
public enum ReminderState {
    PENDING, LEASED, ACKNOWLEDGED
}
