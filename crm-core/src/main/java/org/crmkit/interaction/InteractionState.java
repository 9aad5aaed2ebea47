package org.crmkit.interaction;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.common.ValidationException;

/**
 * Where an interaction stands. {@link #PLANNED} and {@link #IN_PROGRESS} are open; {@link #DONE}
 * and {@link #CANCELLED} are closed for good (history is not rewritten). Legal moves: planned →
 * in progress, done or cancelled; in progress → done or cancelled.
 */
public enum InteractionState {
    PLANNED,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    /** The open states: work still to do, moved by a hand-over and counted as overdue. */
    public static final Set<InteractionState> OPEN = Set.copyOf(EnumSet.of(PLANNED, IN_PROGRESS));

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Whether an interaction in this state may move to {@code next}. */
    public boolean mayBecome(InteractionState next) {
        ValidationException.required(next, "state");
        switch (this) {
            case PLANNED:
                return next != PLANNED;
            case IN_PROGRESS:
                return next == DONE || next == CANCELLED;
            default:
                return false;
        }
    }

    /** {@code next}, or a {@link ValidationException} naming the field {@code state} and this state. */
    InteractionState moveTo(InteractionState next) {
        if (!mayBecome(next)) {
            throw new ValidationException("state", this, isOpen()
                    ? "cannot become " + next + " (legal: " + legalNext() + ")"
                    : "is closed: a " + name().toLowerCase(java.util.Locale.ROOT) + " interaction cannot become " + next);
        }
        return next;
    }

    private String legalNext() {
        StringBuilder legal = new StringBuilder();
        for (InteractionState s : values()) {
            if (mayBecome(s)) {
                legal.append(legal.length() == 0 ? "" : ", ").append(s);
            }
        }
        return legal.toString();
    }
}
