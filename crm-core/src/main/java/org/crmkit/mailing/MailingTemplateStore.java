package org.crmkit.mailing;

import java.util.List;

/**
 * Stores the template sources of the tenant's mailings, one per mailing and channel, inside the unit of work
 * that handed it out. {@link #put} replaces the mailing's template on that channel. Lists are by channel name.
 */
public interface MailingTemplateStore {
    void put(MailingId mailing, StoredTemplate template);

    List<StoredTemplate> of(MailingId mailing);
}
