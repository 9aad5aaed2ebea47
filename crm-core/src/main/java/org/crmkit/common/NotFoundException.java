package org.crmkit.common;

/** A record that does not exist in the current tenant, or that the current actor may not see. */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
    }
}
