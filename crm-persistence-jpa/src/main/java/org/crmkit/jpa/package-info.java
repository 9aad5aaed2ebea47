/**
 * The client base in a relational database through Jakarta Persistence on EclipseLink:
 * {@link org.crmkit.jpa.JpaStorage}, embedded H2 by default and PostgreSQL in production, with
 * versioned Flyway migrations, tenant-led keys and criteria pushed into single SQL statements.
 */
package org.crmkit.jpa;
