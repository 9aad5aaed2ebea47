/**
 * Mailings: the {@link org.crmkit.mailing.Mailing} aggregate (name, channels, purpose, audience, state from
 * draft to done), its use cases {@link org.crmkit.mailing.Mailings} ({@code crm.mailings()}) and the
 * {@link org.crmkit.mailing.MailingSender} that sends a mailing's outbox in the host's threads. The durable
 * outbox itself is {@link org.crmkit.mailing.outbox}.
 */
package org.crmkit.mailing;
