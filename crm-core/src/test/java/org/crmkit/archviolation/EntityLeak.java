package org.crmkit.archviolation;

/** Deliberately breaks the purity rule (a domain class using java.sql); only the architecture test imports it. */
public class EntityLeak {
    public java.sql.Timestamp stamp() {
        return new java.sql.Timestamp(0);
    }
}
