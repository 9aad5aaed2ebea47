/**
 * An SMS gateway (provider name {@code "http-json"}) for a typical JSON REST SMS service: submit with an
 * API key, map HTTP statuses to send outcomes, and learn delivery through a callback endpoint the gateway
 * serves or by polling. Built on {@code java.net.http} and Jackson; the wire format is documented on
 * {@link org.crmkit.messaging.http.HttpSmsGateway}.
 */
package org.crmkit.messaging.http;
