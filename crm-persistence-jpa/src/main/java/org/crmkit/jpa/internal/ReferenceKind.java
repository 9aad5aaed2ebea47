package org.crmkit.jpa.internal;

/**
 * What a reference row of {@code crm_property_value} refers to. The id is in {@code value_ref}; the
 * kind is a marker in {@code value_text} beside it (a plain choice has none). The markers are stored
 * data: never change one.
 */
enum ReferenceKind {
    /** An entry of a choice property's value list. */
    CHOICE(null),
    /** One entry of a multi-choice value; a value has one row per entry. */
    CHOICE_OF_MANY("*"),
    /** An employee of the host's directory. */
    EMPLOYEE("@employee"),
    /** Another client of the tenant. */
    CLIENT("@client");

    private final String marker;

    ReferenceKind(String marker) {
        this.marker = marker;
    }

    /** The text stored in {@code value_text}; {@code null} for a plain choice. */
    String marker() {
        return marker;
    }

    /** The kind of a reference row from its {@code value_text}. */
    static ReferenceKind of(String text) {
        for (ReferenceKind kind : values()) {
            if (kind.marker != null && kind.marker.equals(text)) {
                return kind;
            }
        }
        return CHOICE;
    }

    /** SQL that holds when {@code column} (a row's value_text) marks a reference of this kind. */
    String sql(String column) {
        return marker == null ? column + " IS NULL" : column + " = '" + marker + "'";
    }
}
