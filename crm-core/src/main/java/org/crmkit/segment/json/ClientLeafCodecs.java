package org.crmkit.segment.json;

import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.property.PropertyKey;
import org.crmkit.taxid.Inn;

/** The JSON of the client's own leaves ({@link ClientCriterion}), one codec per record. */
final class ClientLeafCodecs {
    private ClientLeafCodecs() {
    }

    static LeafFamily<ClientCriterion> family() {
        return LeafFamily.of(ClientCriterion.class,
                LeafCodec.of("having", ClientCriterion.Having.class,
                        (leaf, out, trees) -> writeHaving(leaf, out, trees),
                        ClientLeafCodecs::readHaving),
                LeafCodec.of("id-in", ClientCriterion.IdIn.class,
                        (leaf, out, trees) -> Trees.putSet(out, "ids", leaf.ids(), id -> id.value().toString()),
                        (in, trees) -> new ClientCriterion.IdIn(in.uuids("ids", ClientId::new))),
                LeafCodec.of("managed-by", ClientCriterion.ManagedBy.class,
                        (leaf, out, trees) -> Trees.putSet(out, "managers", leaf.managers(), EmployeeId::value),
                        (in, trees) -> new ClientCriterion.ManagedBy(in.set("managers", EmployeeId::new))),
                LeafCodec.of("name-contains", ClientCriterion.NameContains.class,
                        (leaf, out, trees) -> out.put("fragment", leaf.fragment()),
                        (in, trees) -> in.value("fragment", ClientCriterion.NameContains::new)),
                LeafCodec.of("name-starts-with", ClientCriterion.NameStartsWith.class,
                        (leaf, out, trees) -> out.put("fragment", leaf.fragment()),
                        (in, trees) -> in.value("fragment", ClientCriterion.NameStartsWith::new)),
                LeafCodec.of("name-word-starts-with", ClientCriterion.NameWordStartsWith.class,
                        (leaf, out, trees) -> out.put("prefix", leaf.prefix()),
                        (in, trees) -> in.value("prefix", ClientCriterion.NameWordStartsWith::new)),
                LeafCodec.of("code-is", ClientCriterion.CodeIs.class,
                        (leaf, out, trees) -> out.put("code", leaf.code().value()),
                        (in, trees) -> new ClientCriterion.CodeIs(in.value("code", ClientCode::new))),
                LeafCodec.of("code-in", ClientCriterion.CodeIn.class,
                        (leaf, out, trees) -> Trees.putSet(out, "codes", leaf.codes(), ClientCode::value),
                        (in, trees) -> new ClientCriterion.CodeIn(in.set("codes", ClientCode::new))),
                LeafCodec.of("inn-is", ClientCriterion.InnIs.class,
                        (leaf, out, trees) -> out.put("inn", leaf.inn().value()),
                        (in, trees) -> new ClientCriterion.InnIs(in.value("inn", Inn::new))),
                LeafCodec.of("phone-is", ClientCriterion.PhoneIs.class,
                        (leaf, out, trees) -> out.put("phone", leaf.phone().e164()),
                        (in, trees) -> new ClientCriterion.PhoneIs(in.value("phone", PhoneNumber::new))),
                LeafCodec.of("email-is", ClientCriterion.EmailIs.class,
                        (leaf, out, trees) -> out.put("email", leaf.email().value()),
                        (in, trees) -> new ClientCriterion.EmailIs(in.value("email", EmailAddress::new))),
                LeafCodec.of("phone-ends-with", ClientCriterion.PhoneEndsWith.class,
                        (leaf, out, trees) -> out.put("digits", leaf.digits()),
                        (in, trees) -> in.value("digits", ClientCriterion.PhoneEndsWith::new)),
                LeafCodec.of("email-starts-with", ClientCriterion.EmailStartsWith.class,
                        (leaf, out, trees) -> out.put("prefix", leaf.prefix()),
                        (in, trees) -> in.value("prefix", ClientCriterion.EmailStartsWith::new)),
                LeafCodec.of("email-ends-with", ClientCriterion.EmailEndsWith.class,
                        (leaf, out, trees) -> out.put("suffix", leaf.suffix()),
                        (in, trees) -> in.value("suffix", ClientCriterion.EmailEndsWith::new)),
                LeafCodec.of("group-in", ClientCriterion.InGroups.class,
                        (leaf, out, trees) -> Trees.putSet(out, "groups", leaf.groups(), g -> g.value().toString()),
                        (in, trees) -> new ClientCriterion.InGroups(in.uuids("groups", ClientGroupId::new))),
                LeafCodec.of("kind-is", ClientCriterion.KindIs.class,
                        (leaf, out, trees) -> out.put("kind", leaf.kind().name()),
                        (in, trees) -> new ClientCriterion.KindIs(in.enumValue("kind", ClientKind.class))),
                LeafCodec.of("relationship-is", ClientCriterion.RelationshipIs.class,
                        (leaf, out, trees) -> out.put("relationship", leaf.relationship().value()),
                        (in, trees) -> new ClientCriterion.RelationshipIs(in.value("relationship", RelationshipTypeId::new))),
                LeafCodec.of("archived", ClientCriterion.Archived.class,
                        (leaf, out, trees) -> out.put("archived", leaf.archived()),
                        (in, trees) -> new ClientCriterion.Archived(in.bool("archived"))),
                LeafCodec.of("registered-on-or-before", ClientCriterion.RegisteredOnOrBefore.class,
                        (leaf, out, trees) -> out.put("day", leaf.day().toString()),
                        (in, trees) -> new ClientCriterion.RegisteredOnOrBefore(in.date("day"))),
                LeafCodec.of("property-equals", ClientCriterion.PropertyEquals.class,
                        (leaf, out, trees) -> {
                            out.put("property", leaf.key().value());
                            out.set("value", PropertyValueJson.write(leaf.value()));
                        },
                        (in, trees) -> new ClientCriterion.PropertyEquals(in.value("property", PropertyKey::new),
                                PropertyValueJson.read(in.object("value")))));
    }

    private static <M extends Criterion.Leaf<M>> void writeHaving(ClientCriterion.Having<M> leaf,
            com.fasterxml.jackson.databind.node.ObjectNode out, Trees trees) {
        LeafCodecs.Related<M> related = LeafCodecs.related(leaf.relation());
        out.put("relation", leaf.relation().name());
        out.set("where", trees.write(leaf.criterion(), related.family()));
    }

    private static ClientCriterion.Having<?> readHaving(Fields in, Trees trees) {
        String name = in.text("relation");
        LeafCodecs.Related<?> related = LeafCodecs.related(name).orElseThrow(() -> new ValidationException(in.at("relation"), name,
                "is not a relation of clients (one of " + String.join(", ", LeafCodecs.relationNames()) + ")"));
        return having(related, in, trees);
    }

    private static <M extends Criterion.Leaf<M>> ClientCriterion.Having<M> having(LeafCodecs.Related<M> related, Fields in, Trees trees) {
        return new ClientCriterion.Having<>(related.relation(), trees.readNested(in, "where", related.family()));
    }
}
