package org.crmkit.archviolation;

/** Deliberately breaks the purity rule (Jackson outside a json package); only the architecture test imports it. */
public class JsonLeak {
    public Object mapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper();
    }
}
