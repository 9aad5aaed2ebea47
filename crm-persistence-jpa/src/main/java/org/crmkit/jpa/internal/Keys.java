package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Composite primary keys; every one leads with the tenant. */
public final class Keys {
    private Keys() {
    }

    /** (tenant, uuid) for clients, contact persons, groups, journal entries. */
    public static class TenantUuid implements Serializable {
        private static final long serialVersionUID = 1L;
        String tenantId;
        UUID id;

        public TenantUuid() {
        }

        TenantUuid(String tenantId, UUID id) {
            this.tenantId = tenantId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TenantUuid && Objects.equals(tenantId, ((TenantUuid) o).tenantId) && Objects.equals(id, ((TenantUuid) o).id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }

    /** (tenant, text key) for relationship types, property definitions, counters. */
    public static class TenantText implements Serializable {
        private static final long serialVersionUID = 1L;
        String tenantId;
        String id;

        public TenantText() {
        }

        TenantText(String tenantId, String id) {
            this.tenantId = tenantId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TenantText && Objects.equals(tenantId, ((TenantText) o).tenantId) && Objects.equals(id, ((TenantText) o).id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }

    /** (tenant, owner, position) for the rows of a list owned by one record. */
    public static class OwnedPosition implements Serializable {
        private static final long serialVersionUID = 1L;
        String tenantId;
        UUID ownerId;
        int position;

        public OwnedPosition() {
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof OwnedPosition)) {
                return false;
            }
            OwnedPosition k = (OwnedPosition) o;
            return position == k.position && Objects.equals(tenantId, k.tenantId) && Objects.equals(ownerId, k.ownerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, ownerId, position);
        }
    }

    /** (tenant, client, property, seq) for property values; multi-choice values use one row per entry. */
    public static class PropertyValueKey implements Serializable {
        private static final long serialVersionUID = 1L;
        String tenantId;
        UUID clientId;
        String propertyKey;
        int seq;

        public PropertyValueKey() {
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof PropertyValueKey)) {
                return false;
            }
            PropertyValueKey k = (PropertyValueKey) o;
            return seq == k.seq && Objects.equals(tenantId, k.tenantId) && Objects.equals(clientId, k.clientId)
                    && Objects.equals(propertyKey, k.propertyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, clientId, propertyKey, seq);
        }
    }

    /** (tenant, property, position) for value-list entries. */
    public static class ChoiceKey implements Serializable {
        private static final long serialVersionUID = 1L;
        String tenantId;
        String propertyKey;
        int position;

        public ChoiceKey() {
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ChoiceKey)) {
                return false;
            }
            ChoiceKey k = (ChoiceKey) o;
            return position == k.position && Objects.equals(tenantId, k.tenantId) && Objects.equals(propertyKey, k.propertyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, propertyKey, position);
        }
    }
}
