package org.crmkit.storage;

import org.crmkit.audit.AuditStore;
import org.crmkit.client.ClientGroupStore;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.client.RelationshipTypeStore;
import org.crmkit.property.PropertyDefinitionStore;

/**
 * The stores of one tenant inside one unit of work. Valid only while the work runs; everything
 * written through them commits or rolls back together.
 */
public interface Stores {
    ClientStore clients();

    ContactPersonStore contactPersons();

    ClientGroupStore groups();

    RelationshipTypeStore relationshipTypes();

    PropertyDefinitionStore properties();

    AuditStore audit();
}
