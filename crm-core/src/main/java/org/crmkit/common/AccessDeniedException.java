package org.crmkit.common;

/** The access policy does not let the actor change this record. */
public class AccessDeniedException extends CrmException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String actor, String what) {
        super("actor " + actor + " may not " + what);
    }
}
