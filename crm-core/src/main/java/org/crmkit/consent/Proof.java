package org.crmkit.consent;

import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * What proves an entry beside its time, actor and source: the version of the consent text the
 * person agreed to ("marketing-2024-03") and the host's evidence reference (a scan id, a form
 * submission id). Both optional, each at most 200 characters of one line.
 */
public record Proof(Optional<String> textVersion, Optional<String> evidence) {
    public static final int MAX_LENGTH = 200;

    public Proof {
        ValidationException.required(textVersion, "textVersion");
        ValidationException.required(evidence, "evidence");
        textVersion = textVersion.flatMap(t -> CleanText.optional("textVersion", t, MAX_LENGTH));
        evidence = evidence.flatMap(e -> CleanText.optional("evidence", e, MAX_LENGTH));
    }

    public static Proof none() {
        return new Proof(Optional.empty(), Optional.empty());
    }

    public static Proof of(String textVersion, String evidence) {
        return new Proof(Optional.of(ValidationException.required(textVersion, "textVersion")),
                Optional.of(ValidationException.required(evidence, "evidence")));
    }
}
