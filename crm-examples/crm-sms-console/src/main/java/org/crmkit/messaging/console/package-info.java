/**
 * A development SMS gateway, provider name {@code "console"}: it prints each message it would send and
 * answers as a real provider would (an id, the part count, receipts). It can simulate throttling and invalid
 * destinations so a host can try its retry and error handling without an SMS account.
 */
package org.crmkit.messaging.console;
