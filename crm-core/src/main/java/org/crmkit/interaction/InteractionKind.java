package org.crmkit.interaction;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.crmkit.common.ValidationException;

/**
 * What sort of interaction it is: an open value, so a tenant adds its own kinds simply by using a
 * new key ({@code new InteractionKind("exhibition")}); the built-in kinds are the constants below.
 * crmkit keeps no list of a tenant's kinds: how a kind is called on screen, and which kinds a
 * tenant offers, is the host's (a host that wants a maintained list keeps it beside its other
 * settings). A key is a lower-case word of at most 40 characters.
 *
 * <p>Direction: an incoming call is always {@link Direction#INCOMING} and an outgoing call
 * {@link Direction#OUTGOING} (given none, the kind supplies it); a letter, an e-mail, an SMS and a
 * tenant's own kinds may have a direction; meetings, tasks, planned actions, promises, promotional
 * actions and notes have none.
 */
public record InteractionKind(String key) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public static final InteractionKind INCOMING_CALL = new InteractionKind("incoming-call");
    public static final InteractionKind OUTGOING_CALL = new InteractionKind("outgoing-call");
    public static final InteractionKind MEETING = new InteractionKind("meeting");
    public static final InteractionKind LETTER = new InteractionKind("letter");
    public static final InteractionKind EMAIL = new InteractionKind("e-mail");
    public static final InteractionKind SMS = new InteractionKind("sms");
    public static final InteractionKind TASK = new InteractionKind("task");
    public static final InteractionKind PLANNED_ACTION = new InteractionKind("planned-action");
    public static final InteractionKind PROMISE = new InteractionKind("promise");
    public static final InteractionKind PROMOTIONAL_ACTION = new InteractionKind("promotional-action");
    public static final InteractionKind NOTE = new InteractionKind("note");

    /** The built-in kinds, in the order a form lists them. */
    public static final List<InteractionKind> BUILT_IN = List.of(INCOMING_CALL, OUTGOING_CALL, MEETING, LETTER, EMAIL, SMS, TASK,
            PLANNED_ACTION, PROMISE, PROMOTIONAL_ACTION, NOTE);

    private static final List<InteractionKind> WITHOUT_DIRECTION = List.of(MEETING, TASK, PLANNED_ACTION, PROMISE,
            PROMOTIONAL_ACTION, NOTE);

    public InteractionKind {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ValidationException("kind", key, "is not a kind key (a lower-case word such as meeting, 1-40 letters, digits, -)");
        }
    }

    public boolean builtIn() {
        return BUILT_IN.contains(this);
    }

    /** The direction an interaction of this kind has, given {@code direction}; refuses one the kind cannot have. */
    Optional<Direction> direction(Optional<Direction> direction) {
        Optional<Direction> fixed = equals(INCOMING_CALL) ? Optional.of(Direction.INCOMING)
                : equals(OUTGOING_CALL) ? Optional.of(Direction.OUTGOING) : Optional.empty();
        if (fixed.isPresent()) {
            if (direction.isPresent() && !direction.equals(fixed)) {
                throw new ValidationException("direction", direction.get(), "does not fit the kind " + key + " (always " + fixed.get() + ")");
            }
            return fixed;
        }
        if (direction.isPresent() && WITHOUT_DIRECTION.contains(this)) {
            throw new ValidationException("direction", direction.get(), "does not apply to the kind " + key);
        }
        return direction;
    }

    @Override
    public String toString() {
        return key;
    }
}
