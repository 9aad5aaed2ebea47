package org.crmkit.jpa.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.eclipse.persistence.exceptions.EclipseLinkException;

import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.CrmException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.ValidationException;

/**
 * Turns what the database says into the domain's errors: a unique key into
 * {@link DuplicateException}, an over-long value into {@link ValidationException}, a lost
 * optimistic lock into {@link org.crmkit.common.ConcurrentChangeException} (by the caller, who
 * knows the record). Never lets a raw {@link PersistenceException} reach the host.
 */
public final class Errors {
    private Errors() {
    }

    /** An error of a JDBC batch, translated like one from the entity manager. */
    public static RuntimeException translate(SQLException e) {
        return translate(new PersistenceException(e.getMessage(), e));
    }

    public static RuntimeException translate(RuntimeException e) {
        if (e instanceof CrmException || !(e instanceof PersistenceException || e instanceof EclipseLinkException)) {
            return e;
        }
        Optional<OptimisticLockException> lock = causeOf(e, OptimisticLockException.class);
        if (lock.isPresent()) {
            return concurrentChange(lock.get());
        }
        Optional<SQLException> sql = causeOf(e, SQLException.class);
        String state = sql.map(SQLException::getSQLState).orElse("");
        String message = sql.map(SQLException::getMessage).orElse(String.valueOf(e.getMessage()));
        String lower = message.toLowerCase(Locale.ROOT);
        if (state.equals("23505")) {
            if (lower.contains("crm_client_code_uq")) {
                return new DuplicateException("code", valueIn(message));
            }
            if (lower.contains("crm_property_pk")) {
                return new DuplicateException("property.key", valueIn(message));
            }
            if (lower.contains("crm_deal_number_uq")) {
                return new DuplicateException("number", valueIn(message));
            }
            if (lower.contains("crm_lost_reason_pk")) {
                return new DuplicateException("lostReason", valueIn(message));
            }
            if (lower.contains("crm_interaction_number_uq")) {
                return new DuplicateException("number", valueIn(message));
            }
            if (lower.contains("crm_relationship_type_pk")) {
                return new DuplicateException("relationship", valueIn(message));
            }
            if (lower.contains("crm_segment_name_uq")) {
                return new DuplicateException("name", valueIn(message));
            }
            if (lower.contains("crm_segment_member_pk")) {
                return new DuplicateException("client", valueIn(message));
            }
            return new DuplicateException("id", valueIn(message));
        }
        if (state.equals("22001")) {
            return new ValidationException("value", valueIn(message), "is too long for the database column (" + firstLine(message) + ")");
        }
        if (state.equals("23503")) {
            return new ValidationException("reference", valueIn(message), "points to a record that does not exist (" + firstLine(message) + ")");
        }
        return new CrmException("the database refused the change: " + firstLine(message), e);
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** The record whose version check failed, in the domain's words. */
    private static ConcurrentChangeException concurrentChange(OptimisticLockException e) {
        Object entity = e.getEntity();
        ConcurrentChangeException change;
        if (entity instanceof ClientRow) {
            change = new ConcurrentChangeException("client", ((ClientRow) entity).id, ((ClientRow) entity).version);
        } else if (entity instanceof ContactPersonRow) {
            change = new ConcurrentChangeException("contact person", ((ContactPersonRow) entity).id, ((ContactPersonRow) entity).version);
        } else if (entity instanceof ClientGroupRow) {
            change = new ConcurrentChangeException("group", ((ClientGroupRow) entity).id, ((ClientGroupRow) entity).version);
        } else if (entity instanceof PropertyRow) {
            change = new ConcurrentChangeException("property", ((PropertyRow) entity).id, ((PropertyRow) entity).version);
        } else if (entity instanceof RelationshipTypeRow) {
            change = new ConcurrentChangeException("relationship type", ((RelationshipTypeRow) entity).id, ((RelationshipTypeRow) entity).version);
        } else {
            change = new ConcurrentChangeException("record", String.valueOf(entity), -1);
        }
        change.initCause(e);
        return change;
    }

    /** The value the database names in its message ("Key (tenant_id, code)=(t, 000000007)", or H2's "VALUES ( ... )"). */
    private static String valueIn(String message) {
        int key = message.indexOf(")=(");
        if (key >= 0) {
            int end = message.indexOf(')', key + 3);
            String values = message.substring(key + 3, end < 0 ? message.length() : end);
            int comma = values.lastIndexOf(", ");
            return comma >= 0 ? values.substring(comma + 2) : values;
        }
        int h2 = message.indexOf("VALUES ( /*");
        if (h2 >= 0) {
            int end = message.indexOf(")", h2);
            String values = message.substring(h2, end < 0 ? message.length() : end);
            int last = values.lastIndexOf("'");
            int first = last > 0 ? values.lastIndexOf("'", last - 1) : -1;
            if (first >= 0) {
                return values.substring(first + 1, last);
            }
        }
        return "?";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline >= 0 ? message.substring(0, newline) : message;
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
