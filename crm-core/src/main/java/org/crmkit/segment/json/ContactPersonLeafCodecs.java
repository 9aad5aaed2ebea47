package org.crmkit.segment.json;

import org.crmkit.client.ContactPersonCriterion;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.PhoneNumber;

/** The JSON of a contact person's leaves ({@link ContactPersonCriterion}). */
final class ContactPersonLeafCodecs {
    private ContactPersonLeafCodecs() {
    }

    static LeafFamily<ContactPersonCriterion> family() {
        return LeafFamily.of(ContactPersonCriterion.class,
                LeafCodec.of("position-is", ContactPersonCriterion.PositionIs.class,
                        (leaf, out, trees) -> out.put("position", leaf.position()),
                        (in, trees) -> in.value("position", ContactPersonCriterion.PositionIs::new)),
                LeafCodec.of("responsible-is", ContactPersonCriterion.ResponsibleIs.class,
                        (leaf, out, trees) -> out.put("employee", leaf.employee().value()),
                        (in, trees) -> new ContactPersonCriterion.ResponsibleIs(in.value("employee", EmployeeId::new))),
                LeafCodec.of("phone-is", ContactPersonCriterion.PhoneIs.class,
                        (leaf, out, trees) -> out.put("phone", leaf.phone().e164()),
                        (in, trees) -> new ContactPersonCriterion.PhoneIs(in.value("phone", PhoneNumber::new))),
                LeafCodec.of("email-is", ContactPersonCriterion.EmailIs.class,
                        (leaf, out, trees) -> out.put("email", leaf.email().value()),
                        (in, trees) -> new ContactPersonCriterion.EmailIs(in.value("email", EmailAddress::new))),
                LeafCodec.of("of-client", ContactPersonCriterion.OfClient.class,
                        (leaf, out, trees) -> out.set("client", trees.write(leaf.client(), LeafCodecs.client())),
                        (in, trees) -> new ContactPersonCriterion.OfClient(trees.readNested(in, "client", LeafCodecs.client()))));
    }
}
