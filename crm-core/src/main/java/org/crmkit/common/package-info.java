/**
 * Values and errors that every feature shares: tenants, actors, e-mail addresses, phone numbers,
 * money, clean text, and the {@link org.crmkit.common.CrmException} hierarchy. Nothing here knows a
 * feature.
 */
package org.crmkit.common;
