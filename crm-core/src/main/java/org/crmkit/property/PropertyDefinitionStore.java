package org.crmkit.property;

import java.util.List;
import java.util.Optional;

/**
 * Stores the property schema of one tenant, inside the unit of work that handed it out. Saving a
 * definition whose version is not the stored one fails with
 * {@link org.crmkit.common.ConcurrentChangeException} and changes nothing.
 */
public interface PropertyDefinitionStore {
    Optional<PropertyDefinition> get(PropertyKey key);

    /** All definitions, archived included, ordered by key. */
    List<PropertyDefinition> all();

    /** Stores a new definition (version 0); a key already used fails with a {@code DuplicateException}. */
    PropertyDefinition insert(PropertyDefinition definition);

    /** Stores a changed definition read at {@code definition.version()}; returns it at the next version. */
    PropertyDefinition update(PropertyDefinition definition);
}
