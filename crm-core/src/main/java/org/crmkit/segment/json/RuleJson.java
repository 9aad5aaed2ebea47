package org.crmkit.segment.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonFactory;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.CrmException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.segment.RuleLimits;

/**
 * A segment rule as JSON, the form a host stores and exchanges:
 *
 * <pre>{@code
 * {"format": "crmkit-segment-rule/1",
 *  "rule": {"type": "and", "parts": [
 *      {"type": "group-in", "groups": ["3f1c2a9e-…"]},
 *      {"type": "property-equals", "property": "interest", "value": {"kind": "choice", "value": "9b0e…"}},
 *      {"type": "not", "part": {"type": "kind-is", "kind": "INDIVIDUAL"}},
 *      {"type": "having", "relation": "interactions", "where": {"type": "kind-in", "kinds": ["meeting"]}}]}}
 * }</pre>
 *
 * Every node is an object with a {@code "type"}: the combinators {@code all}, {@code none},
 * {@code and}/{@code or} (with {@code "parts"}), {@code not} (with {@code "part"}), or a leaf of
 * the family in force (the client's at the root; a {@code having}'s relation decides the family of
 * its {@code "where"}). The document holds stable keys and ids (property keys, group, relationship,
 * pipeline, stage and template ids, enum names), never display names, so a saved rule survives a
 * rename. Sets are written sorted, so one rule always gives one document and
 * {@code write(read(json))} equals a document {@code write} made. A document that breaks a rule of
 * the layout or {@link RuleLimits} is refused with a {@link ValidationException} naming the path
 * ({@code rule.parts[2].kind}).
 */
public final class RuleJson {
    /** The name and version of the layout. */
    public static final String FORMAT = "crmkit-segment-rule/1";

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(4 * RuleLimits.MAX_DEPTH + 8)
                            .maxStringLength(RuleLimits.MAX_JSON)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RuleJson() {
    }

    /** The rule as compact JSON text. */
    public static String write(Criterion<ClientCriterion> rule) {
        try {
            return MAPPER.writeValueAsString(tree(rule));
        } catch (JsonProcessingException e) {
            throw new CrmException("the rule could not be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** The rule as a Jackson tree, for a host that embeds it in a document of its own. */
    public static ObjectNode tree(Criterion<ClientCriterion> rule) {
        RuleLimits.check(rule);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("rule", new Trees().write(rule, LeafCodecs.client()));
        return root;
    }

    /** The rule a document holds. */
    public static Criterion<ClientCriterion> read(String json) {
        ValidationException.required(json, "json");
        if (json.length() > RuleLimits.MAX_JSON) {
            throw new ValidationException("json", json.length() + " characters", "is longer than " + RuleLimits.MAX_JSON + " characters");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ValidationException("json", abbreviate(json), "is not JSON" + where + ": " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ValidationException("json", abbreviate(json), "is empty");
        }
        return read(tree);
    }

    /** The rule a Jackson tree holds. */
    public static Criterion<ClientCriterion> read(JsonNode document) {
        ValidationException.required(document, "document");
        if (!document.isObject()) {
            throw new ValidationException("json", abbreviate(document.toString()), "is not an object with \"format\" and \"rule\"");
        }
        JsonNode format = document.get("format");
        if (format == null || !format.isTextual() || !FORMAT.equals(format.textValue())) {
            throw new ValidationException("format", format == null ? null : abbreviate(format.toString()), "must be \"" + FORMAT + "\"");
        }
        JsonNode rule = document.get("rule");
        if (rule == null || rule.isNull()) {
            throw new ValidationException("rule", null, "is required");
        }
        return RuleLimits.check(new Trees().read(rule, "rule", LeafCodecs.client()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
