/**
 * Internal, not API: the tables of the client base as JPA entities, the mappers between them and
 * the domain records, the stores, and the translation of criteria into SQL. Hosts use
 * {@link org.crmkit.jpa.JpaStorage} only.
 */
package org.crmkit.jpa.internal;
