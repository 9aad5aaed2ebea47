package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.consent.Channel;
import org.crmkit.mailing.MailingId;
import org.crmkit.mailing.MailingTemplateStore;
import org.crmkit.mailing.StoredTemplate;

/** The MailingTemplateStore of a JPA unit of work, by plain JDBC ({@code crm_mailing_template}, V612): put is delete + insert. */
final class JpaMailingTemplateStore implements MailingTemplateStore {
    private final JpaStores u;

    JpaMailingTemplateStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public void put(MailingId mailing, StoredTemplate t) {
        u.execute(new JpaStores.Select("DELETE FROM crm_mailing_template WHERE tenant_id = ?1 AND mailing_id = ?2 AND channel = ?3",
                List.of(u.tenant, mailing.value(), t.channel().name())));
        List<Object> parameters = new ArrayList<>(List.of(u.tenant, mailing.value(), t.channel().name(), t.body()));
        String subject = "NULL";
        String html = "NULL";
        if (t.subject().isPresent()) {
            parameters.add(t.subject().get());
            subject = "?" + parameters.size();
        }
        if (t.htmlBody().isPresent()) {
            parameters.add(t.htmlBody().get());
            html = "?" + parameters.size();
        }
        u.execute(new JpaStores.Select("INSERT INTO crm_mailing_template (tenant_id, mailing_id, channel, body, subject, html_body)"
                + " VALUES (?1, ?2, ?3, ?4, " + subject + ", " + html + ")", parameters));
    }

    @Override
    public List<StoredTemplate> of(MailingId mailing) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT channel, subject, body, html_body FROM crm_mailing_template WHERE tenant_id = ?1"
                + " AND mailing_id = ?2 ORDER BY channel", List.of(u.tenant, mailing.value())), JpaMailingTemplateStore::row);
    }

    private static StoredTemplate row(ResultSet rs) throws SQLException {
        return new StoredTemplate(Channel.valueOf(rs.getString("channel")), Optional.ofNullable(rs.getString("subject")), rs.getString("body"),
                Optional.ofNullable(rs.getString("html_body")));
    }
}
