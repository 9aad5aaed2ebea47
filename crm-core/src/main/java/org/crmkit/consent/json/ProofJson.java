package org.crmkit.consent.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.CrmException;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.ConsentEntry;
import org.crmkit.consent.ProofExport;
import org.crmkit.consent.Suppression;

/**
 * Writes a {@link ProofExport} as a JSON document a regulator or the person can read: the
 * subject, when and by whom it was exported, every ledger entry oldest first (id, channel,
 * purpose, address, state, instant, actor, source, text version, evidence, expiry of a pending
 * one) and the suppression rows of the person's addresses. Instants are ISO-8601 UTC text; absent
 * optional values are left out. The layout is named by {@code "format"} so that a later change
 * can be told apart.
 */
public final class ProofJson {
    /** The name and version of the layout. */
    public static final String FORMAT = "crmkit-consent-proof/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProofJson() {
    }

    /** The export as indented JSON text (UTF-8 when written out as bytes). */
    public static String write(ProofExport proof) {
        try {
            return MAPPER.writeValueAsString(tree(proof));
        } catch (JsonProcessingException e) {
            throw new CrmException("the proof export could not be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** The export as a Jackson tree, for a host that embeds it in a document of its own. */
    public static ObjectNode tree(ProofExport proof) {
        ValidationException.required(proof, "proof");
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("tenant", proof.tenant().value());
        root.put("client", proof.subject().client().value().toString());
        proof.subject().contactPerson().map(ContactPersonId::value).ifPresent(p -> root.put("contactPerson", p.toString()));
        root.put("exportedAt", proof.exportedAt().toString());
        root.put("exportedBy", proof.exportedBy());
        ArrayNode entries = root.putArray("entries");
        for (ConsentEntry e : proof.entries()) {
            ObjectNode n = entries.addObject();
            n.put("id", e.id().value().toString());
            n.put("channel", e.key().channel().name());
            n.put("purpose", e.key().purpose().key());
            n.put("address", e.key().address().value());
            n.put("state", e.state().name());
            n.put("at", e.at().toString());
            n.put("actor", e.actor());
            n.put("source", e.source().name());
            e.proof().textVersion().ifPresent(t -> n.put("textVersion", t));
            e.proof().evidence().ifPresent(t -> n.put("evidence", t));
            e.expires().ifPresent(t -> n.put("expires", t.toString()));
        }
        ArrayNode suppressions = root.putArray("suppressions");
        for (Suppression s : proof.suppressions()) {
            ObjectNode n = suppressions.addObject();
            n.put("address", s.address().value());
            n.put("kind", s.address().kind().name());
            n.put("reason", s.reason().name());
            s.note().ifPresent(t -> n.put("note", t));
            n.put("at", s.at().toString());
            n.put("actor", s.actor());
        }
        return root;
    }
}
