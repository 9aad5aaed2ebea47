package org.crmkit.examples.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.client.NewClient;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactType;
import org.crmkit.client.PersonName;
import org.crmkit.examples.benchmarks.ClientRow.PersonRow;
import org.crmkit.property.PropertyValue;

/** Generated rows as the registration drafts a host would build: raw phones as typed, everything else as is. */
public final class Drafts {
    private Drafts() {
    }

    public static List<NewClient> of(List<ClientRow> rows) {
        List<NewClient> drafts = new ArrayList<>(rows.size());
        for (ClientRow row : rows) {
            drafts.add(of(row));
        }
        return drafts;
    }

    /** 4 contact entries, 5 properties, 2 contact persons with a position and a mobile each. */
    public static NewClient of(ClientRow row) {
        NewClient draft = NewClient.of(row.kind(), row.shortName())
                .registeredOn(row.registeredOn())
                .location(row.region(), row.city(), row.industry())
                .contact(ContactType.PHONE, row.phoneTyped())
                .contact(ContactType.MOBILE, row.mobileTyped())
                .contact(ContactType.EMAIL, row.email())
                .contact(row.hasLegalAddress() ? ContactType.LEGAL_ADDRESS : ContactType.ACTUAL_ADDRESS, row.address())
                .property(BenchProperties.SOURCE, PropertyValue.text(row.source()))
                .property(BenchProperties.EMPLOYEES, PropertyValue.number(row.employees()))
                .property(BenchProperties.SECTOR, PropertyValue.choice(BenchProperties.sectorChoice(row.sector())))
                .property(BenchProperties.CONTRACT_DATE, PropertyValue.date(row.contractDate()))
                .property(BenchProperties.VIP, PropertyValue.bool(row.vip()));
        row.fullName().ifPresent(draft::fullName);
        row.inn().ifPresent(draft::inn);
        row.kpp().ifPresent(draft::kpp);
        for (PersonRow person : row.persons()) {
            String position = person.position();
            String mobile = person.mobileTyped();
            draft.contactPerson(PersonName.of(person.surname(), person.firstName(), person.patronymic()),
                    p -> p.withPosition(position).addContact(ContactEntry.parse(ContactType.MOBILE, mobile, "RU")));
        }
        return draft;
    }
}
