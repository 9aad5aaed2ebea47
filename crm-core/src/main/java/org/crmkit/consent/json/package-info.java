/**
 * The consent proof export as JSON, through Jackson: the only place of crm-core (beside
 * {@code org.crmkit.inject}'s Guice) that uses a framework, kept out of the domain by the
 * architecture test. Jackson is an optional dependency of crm-core: a host that exports proof adds it.
 */
package org.crmkit.consent.json;
