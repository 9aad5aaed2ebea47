/**
 * Guice wiring of {@link org.crmkit.Crm}, optional: a host that does not use Guice never loads this
 * package (Guice is an optional dependency of crm-core).
 */
package org.crmkit.inject;
