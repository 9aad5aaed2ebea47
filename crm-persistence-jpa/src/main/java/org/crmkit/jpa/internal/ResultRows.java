package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.crmkit.client.ClientSummary;

/**
 * Rows of a client page read straight from a JDBC result set, column by name. Pages of clients
 * are only read, never written back, so they skip EclipseLink's object building: for a page of
 * 100 clients with their contacts and values (about a thousand rows), that building cost more than
 * the three statements themselves. Writes still go through managed entities.
 */
final class ResultRows {
    private ResultRows() {
    }

    /** Builds one row from the result set's current position. */
    interface Reader<R> {
        R read(ResultSet rs) throws SQLException;
    }

    static ClientRow client(ResultSet rs) throws SQLException {
        ClientRow r = summaryColumns(rs);
        r.tenantId = rs.getString("tenant_id");
        r.shortKey = rs.getString("short_key");
        r.nameCore = rs.getString("name_core");
        r.legalForm = rs.getString("legal_form");
        r.fullName = rs.getString("full_name");
        r.fullKey = rs.getString("full_key");
        r.registeredOn = rs.getObject("registered_on", LocalDate.class);
        r.region = rs.getString("region");
        r.city = rs.getString("city");
        r.industry = rs.getString("industry");
        r.kpp = rs.getString("kpp");
        r.ogrn = rs.getString("ogrn");
        r.okpo = rs.getString("okpo");
        r.notes = rs.getString("notes");
        r.preferredChannel = rs.getString("preferred_channel");
        r.version = rs.getLong("version");
        return r;
    }

    /** A summary of the client in the row: the columns of {@link SqlCriteria#SUMMARY_COLUMNS}. */
    static ClientSummary summary(ResultSet rs) throws SQLException {
        return Mapping.summary(summaryColumns(rs));
    }

    /** A client row with only the columns of {@link SqlCriteria#SUMMARY_COLUMNS} read. */
    private static ClientRow summaryColumns(ResultSet rs) throws SQLException {
        ClientRow r = new ClientRow();
        r.id = rs.getObject("id", UUID.class);
        r.code = rs.getString("code");
        r.kind = rs.getString("kind");
        r.shortName = rs.getString("short_name");
        r.groupId = rs.getObject("group_id", UUID.class);
        r.relationship = rs.getString("relationship");
        r.manager = rs.getString("manager");
        r.inn = rs.getString("inn");
        r.mainPhone = rs.getString("main_phone");
        r.archived = rs.getBoolean("archived");
        return r;
    }

    static ClientContactRow clientContact(ResultSet rs) throws SQLException {
        ClientContactRow r = new ClientContactRow();
        r.tenantId = rs.getString("tenant_id");
        r.ownerId = rs.getObject("client_id", UUID.class);
        r.position = rs.getInt("position");
        r.type = rs.getString("type");
        r.value = rs.getString("contact_value");
        r.searchValue = rs.getString("search_value");
        r.searchReversed = rs.getString("search_reversed");
        r.label = rs.getString("label");
        r.primary = rs.getBoolean("is_primary");
        return r;
    }

    static PropertyValueRow propertyValue(ResultSet rs) throws SQLException {
        PropertyValueRow r = new PropertyValueRow();
        r.tenantId = rs.getString("tenant_id");
        r.clientId = rs.getObject("client_id", UUID.class);
        r.clientCode = rs.getString("client_code");
        r.propertyKey = rs.getString("property_key");
        r.seq = rs.getInt("seq");
        r.text = rs.getString("value_text");
        r.key = rs.getString("value_key");
        r.number = rs.getBigDecimal("value_number");
        r.date = rs.getObject("value_date", LocalDate.class);
        r.bool = rs.getObject("value_bool", Boolean.class);
        r.ref = rs.getString("value_ref");
        r.currency = rs.getString("currency");
        return r;
    }

    static AuditRow audit(ResultSet rs) throws SQLException {
        AuditRow row = new AuditRow();
        row.tenantId = rs.getString("tenant_id");
        row.id = rs.getObject("id", UUID.class);
        row.clientId = rs.getObject("client_id", UUID.class);
        row.subject = rs.getString("subject");
        row.field = rs.getString("field");
        row.oldValue = rs.getString("old_value");
        row.newValue = rs.getString("new_value");
        row.actor = rs.getString("actor");
        row.at = rs.getObject("at", OffsetDateTime.class);
        return row;
    }
}
