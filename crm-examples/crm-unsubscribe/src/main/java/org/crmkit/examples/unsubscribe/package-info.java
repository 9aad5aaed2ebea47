/**
 * An example one-click unsubscribe endpoint (RFC 8058) on the JDK's {@code HttpServer}: a POST of
 * {@code List-Unsubscribe=One-Click} to {@code /u/{token}} withdraws consent through an
 * {@link org.crmkit.examples.unsubscribe.Unsubscriber}, a GET shows a page with a button that posts
 * (a GET never withdraws: mail scanners follow links). {@link org.crmkit.examples.unsubscribe.UnsubscribeApp}
 * is the one place where it is wired.
 */
package org.crmkit.examples.unsubscribe;
