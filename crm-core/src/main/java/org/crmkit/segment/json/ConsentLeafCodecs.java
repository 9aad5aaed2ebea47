package org.crmkit.segment.json;

import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.SuppressionCriterion;
import org.crmkit.consent.SuppressionReason;

/** The JSON of the consent ledger's leaves: consents in effect and suppressed addresses. */
final class ConsentLeafCodecs {
    private ConsentLeafCodecs() {
    }

    static LeafFamily<ConsentCriterion> consents() {
        return LeafFamily.of(ConsentCriterion.class,
                LeafCodec.of("for", ConsentCriterion.For.class,
                        (leaf, out, trees) -> out.put("channel", leaf.channel().name()).put("purpose", leaf.purpose().key()),
                        (in, trees) -> new ConsentCriterion.For(in.enumValue("channel", Channel.class), in.value("purpose", Purpose::new))));
    }

    static LeafFamily<SuppressionCriterion> suppressions() {
        return LeafFamily.of(SuppressionCriterion.class,
                LeafCodec.of("reason-in", SuppressionCriterion.ReasonIn.class,
                        (leaf, out, trees) -> Trees.putSet(out, "reasons", leaf.reasons(), Enum::name),
                        (in, trees) -> in.under("reasons", () -> new SuppressionCriterion.ReasonIn(in.enums("reasons", SuppressionReason.class)))));
    }
}
