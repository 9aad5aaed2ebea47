package org.crmkit.segment.json;

import org.crmkit.segment.SegmentCriterion;
import org.crmkit.segment.SegmentId;

/** The JSON of the list leaves ({@link SegmentCriterion}): lists by id. */
final class SegmentLeafCodecs {
    private SegmentLeafCodecs() {
    }

    static LeafFamily<SegmentCriterion> family() {
        return LeafFamily.of(SegmentCriterion.class,
                LeafCodec.of("in-list", SegmentCriterion.InList.class,
                        (leaf, out, trees) -> out.put("list", leaf.list().value().toString()),
                        (in, trees) -> new SegmentCriterion.InList(in.uuid("list", SegmentId::new))));
    }
}
