/**
 * The JSON face of segment rules ({@link org.crmkit.segment.json.RuleJson}, layout
 * {@code crmkit-segment-rule/1}), written through Jackson (an optional dependency). Each family of
 * leaves has one small codec class ({@code ClientLeafCodecs}, {@code InteractionLeafCodecs}, …) and
 * {@link org.crmkit.segment.json.LeafCodecs} registers them all in one place: a new leaf needs one
 * codec line in its family, a new family one line in the registry.
 */
package org.crmkit.segment.json;
