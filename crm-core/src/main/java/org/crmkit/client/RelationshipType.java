package org.crmkit.client;

import org.crmkit.common.ValidationException;
import java.util.List;

import org.crmkit.common.CleanText;

/**
 * How the business relates to a client (the 1C "Тип отношений"). A user-maintained list: the
 * {@link #DEFAULTS} exist in every tenant without being stored; a tenant renames or retires them,
 * or adds its own, by storing an entry with the key.
 */
public record RelationshipType(RelationshipTypeId id, String name, boolean retired, long version) {
    public static final RelationshipTypeId VIP = RelationshipTypeId.of("vip");
    public static final RelationshipTypeId REGULAR = RelationshipTypeId.of("regular");
    public static final RelationshipTypeId ONE_OFF_BUYER = RelationshipTypeId.of("one-off-buyer");
    public static final RelationshipTypeId PROSPECT = RelationshipTypeId.of("prospect");
    public static final RelationshipTypeId PARTNER = RelationshipTypeId.of("partner");
    public static final RelationshipTypeId COMPETITOR = RelationshipTypeId.of("competitor");

    /** The built-in types every tenant starts with. */
    public static final List<RelationshipType> DEFAULTS = List.of(
            new RelationshipType(VIP, "Важный клиент (VIP)", false, 0),
            new RelationshipType(REGULAR, "Постоянный клиент", false, 0),
            new RelationshipType(ONE_OFF_BUYER, "Разовый покупатель", false, 0),
            new RelationshipType(PROSPECT, "Потенциальный клиент", false, 0),
            new RelationshipType(PARTNER, "Партнёр", false, 0),
            new RelationshipType(COMPETITOR, "Конкурент", false, 0));

    public RelationshipType {
        ValidationException.required(id, "id");
        name = CleanText.require("relationship.name", name, 100);
    }

    public RelationshipType rename(String newName) {
        return new RelationshipType(id, newName, retired, version);
    }

    public RelationshipType retire() {
        return new RelationshipType(id, name, true, version);
    }

    public RelationshipType withVersion(long storedVersion) {
        return new RelationshipType(id, name, retired, storedVersion);
    }
}
