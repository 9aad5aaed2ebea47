package org.crmkit.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * The entries a choice property offers. Entries are added, renamed and retired, never removed, so a
 * value stored years ago still shows its label. Labels of active entries are unique (case-folded).
 */
public record ValueList(List<Choice> choices) {
    public ValueList {
        choices = ValidationException.requiredElements(choices, "choices");
        List<String> seen = new ArrayList<>();
        List<ChoiceId> ids = new ArrayList<>();
        for (Choice c : choices) {
            if (ids.contains(c.id())) {
                throw new ValidationException("choices", c.id(), "appears twice in the value list");
            }
            ids.add(c.id());
            if (!c.retired()) {
                String folded = CleanText.fold(c.label());
                if (seen.contains(folded)) {
                    throw new ValidationException("choices", c.label(), "is already an active entry of the value list");
                }
                seen.add(folded);
            }
        }
    }

    public static ValueList empty() {
        return new ValueList(List.of());
    }

    public Optional<Choice> find(ChoiceId id) {
        ValidationException.required(id, "choice");
        return choices.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The active entry with this label (case and ё/е insensitive). */
    public Optional<Choice> byLabel(String label) {
        ValidationException.required(label, "label");
        String folded = CleanText.fold(label);
        return choices.stream().filter(c -> !c.retired() && CleanText.fold(c.label()).equals(folded)).findFirst();
    }

    public ValueList add(ChoiceId id, String label) {
        List<Choice> next = new ArrayList<>(choices);
        next.add(new Choice(id, label, false));
        return new ValueList(next);
    }

    public ValueList rename(ChoiceId id, String label) {
        return replace(id, new Choice(id, label, require(id).retired()));
    }

    public ValueList retire(ChoiceId id) {
        return replace(id, new Choice(id, require(id).label(), true));
    }

    private Choice require(ChoiceId id) {
        return find(id).orElseThrow(() -> new ValidationException("choice", id, "is not an entry of the value list"));
    }

    private ValueList replace(ChoiceId id, Choice replacement) {
        List<Choice> next = new ArrayList<>(choices);
        next.replaceAll(c -> c.id().equals(id) ? replacement : c);
        return new ValueList(next);
    }

    /** Whether this list still has every entry of {@code earlier} (entries are never removed). */
    public boolean keepsEntriesOf(ValueList earlier) {
        return earlier.choices.stream().allMatch(c -> find(c.id()).isPresent());
    }

    /** Checks that a newly assigned value names an active entry. */
    void requireAssignable(String field, ChoiceId id) {
        Choice choice = find(id).orElseThrow(() -> new ValidationException(field, id, "is not an entry of the value list"));
        if (choice.retired()) {
            throw new ValidationException(field, choice.label(), "is a retired entry and cannot be chosen any more");
        }
    }
}
