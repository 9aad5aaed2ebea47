package org.crmkit.consent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.common.ValidationException;
import org.crmkit.usecase.CrmContext;

/**
 * The tenant's consent lists ({@link Consents#suppress} and the rest): the suppression list and the
 * tenant's own purposes, administered under the access policy's area {@link Consents#AREA} and
 * journaled as administration (the change feed names a suppression by a digest of its address,
 * never the address).
 */
final class ConsentLists {
    private final CrmContext context;

    ConsentLists(CrmContext context) {
        this.context = context;
    }

    Suppression suppress(ConsentAddress address, SuppressionReason reason, Optional<String> note) {
        ValidationException.required(address, "address");
        ValidationException.required(reason, "reason");
        ValidationException.required(note, "note");
        return context.write(work -> {
            ConsentRules.requireArea(work);
            ConsentStore store = work.store(ConsentStore.class);
            Optional<Suppression> before = store.suppression(address);
            Suppression suppression = new Suppression(address, reason, note, work.now(), work.actor().name());
            store.suppress(suppression);
            work.administered(Consents.SUPPRESSION, ConsentRules.digest(address), before.isPresent() ? "changed" : "added",
                    before.map(ConsentLists::view).orElse(Map.of()), view(suppression));
            return suppression;
        });
    }

    boolean unsuppress(ConsentAddress address) {
        ValidationException.required(address, "address");
        return context.write(work -> {
            ConsentRules.requireArea(work);
            ConsentStore store = work.store(ConsentStore.class);
            Optional<Suppression> before = store.suppression(address);
            if (before.isEmpty()) {
                return false;
            }
            store.unsuppress(address);
            work.administered(Consents.SUPPRESSION, ConsentRules.digest(address), "removed", view(before.get()), Map.of());
            return true;
        });
    }

    Optional<Suppression> suppression(ConsentAddress address) {
        ValidationException.required(address, "address");
        return context.read(work -> work.store(ConsentStore.class).suppression(address));
    }

    List<Suppression> suppressions() {
        return context.read(work -> {
            ConsentRules.requireArea(work);
            return work.store(ConsentStore.class).suppressions();
        });
    }

    Purpose addPurpose(Purpose purpose) {
        ValidationException.required(purpose, "purpose");
        return context.write(work -> {
            ConsentRules.requireArea(work);
            ConsentStore store = work.store(ConsentStore.class);
            if (!purpose.builtIn() && !store.purposes().contains(purpose)) {
                store.addPurpose(purpose);
                work.administered(Consents.PURPOSE, purpose.key(), "added", Map.of(), Map.of("key", purpose.key()));
            }
            return purpose;
        });
    }

    List<Purpose> purposes() {
        return context.read(work -> {
            List<Purpose> all = new ArrayList<>(Purpose.BUILT_IN);
            all.addAll(work.store(ConsentStore.class).purposes());
            return all;
        });
    }

    private static Map<String, String> view(Suppression s) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("address", s.address().value());
        view.put("reason", s.reason().name());
        s.note().ifPresent(n -> view.put("note", n));
        return view;
    }
}
