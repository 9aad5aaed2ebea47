package org.crmkit.memory;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.mailing.MailingId;
import org.crmkit.mailing.MailingTemplateStore;
import org.crmkit.mailing.StoredTemplate;

/** The mailings' template sources in a tenant's map, keyed by mailing and channel. */
final class MemoryMailingTemplateStore implements MailingTemplateStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryMailingTemplateStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public void put(MailingId mailing, StoredTemplate template) {
        unit.writing();
        unit.put(data.mailingTemplates, List.of(mailing, template.channel()), template);
    }

    @Override
    public List<StoredTemplate> of(MailingId mailing) {
        unit.checkOpen();
        return data.mailingTemplates.entrySet().stream().filter(e -> e.getKey().get(0).equals(mailing)).map(java.util.Map.Entry::getValue)
                .sorted(Comparator.comparing(t -> t.channel().name())).collect(Collectors.toList());
    }
}
