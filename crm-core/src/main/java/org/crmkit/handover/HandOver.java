package org.crmkit.handover;

import java.util.List;

import org.crmkit.common.ValidationException;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.usecase.UnitOfWork;

/**
 * One feature's part of a hand-over: its name in the {@link HandOverReport} (e.g. {@code client})
 * and the step that moves the open work of one employee to another. A feature that names what it
 * moved is built with {@link #of(Key, Mover)}: the report then answers the ids of the moved records
 * under the feature's public {@link Key}.
 */
public record HandOver(String feature, Step step) {
    public HandOver {
        feature = CleanText.require("feature", feature, 100);
        ValidationException.required(step, "step");
    }

    /** A step that answers the ids of the records it moved, listed in the report under {@code key}. */
    public static <I> HandOver of(Key<I> key, Mover<I> mover) {
        ValidationException.required(key, "key");
        ValidationException.required(mover, "mover");
        return new HandOver(key.feature(), new Naming<>(key, mover));
    }

    /**
     * A feature's entry in a {@link HandOverReport}: its name and the type of the ids it moves
     * ({@code Deals.HANDED_OVER} is a {@code Key<DealId>}), so a host reads the moved ids typed.
     */
    public record Key<I>(String feature, Class<I> idType) {
        public Key {
            feature = CleanText.require("feature", feature, 100);
            ValidationException.required(idType, "idType");
        }
    }

    /**
     * Moves the open work of {@code from} to {@code to} inside the hand-over's unit of work,
     * journaling and feeding each record it changes, and answers how many records it moved. It acts
     * for the administrator who runs the hand-over, so it moves every record of the employee, not
     * only those the administrator may see.
     */
    @FunctionalInterface
    public interface Step {
        long moveWork(UnitOfWork work, EmployeeId from, EmployeeId to);

        /** The ids of what the step moved, when it names them ({@link HandOver#of}); otherwise only the count. */
        default Moved move(UnitOfWork work, EmployeeId from, EmployeeId to) {
            return new Moved(moveWork(work, from, to), List.of());
        }
    }

    /** A {@link Step} that answers the ids of the records it moved, in the order it moved them. */
    @FunctionalInterface
    public interface Mover<I> {
        List<I> move(UnitOfWork work, EmployeeId from, EmployeeId to);
    }

    /** What one step moved: how many records, and their ids when the step names them. */
    public record Moved(long count, List<?> ids) {
        public Moved {
            ids = List.copyOf(ValidationException.required(ids, "ids"));
            if (count < ids.size()) {
                throw new ValidationException("count", count, "is less than the " + ids.size() + " ids moved");
            }
        }
    }

    private record Naming<I>(Key<I> key, Mover<I> mover) implements Step {
        @Override
        public long moveWork(UnitOfWork work, EmployeeId from, EmployeeId to) {
            return move(work, from, to).count();
        }

        @Override
        public Moved move(UnitOfWork work, EmployeeId from, EmployeeId to) {
            List<I> ids = List.copyOf(mover.move(work, from, to));
            ids.forEach(key.idType()::cast);
            return new Moved(ids.size(), ids);
        }
    }
}
