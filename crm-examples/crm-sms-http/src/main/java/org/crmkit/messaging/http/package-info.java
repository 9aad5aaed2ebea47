/**
 * SMS gateways for providers' HTTP APIs, one preset each: {@code sms.ru} (SMS.ru), {@code smsc.ru} (SMSC.ru) and
 * {@code twilio} (Twilio's Messages API). One {@link org.crmkit.messaging.http.HttpSmsGateway} does the transport,
 * time-outs, part limit and receipt listeners; a provider dialect per preset builds the request, reads the answer
 * into a {@link org.crmkit.messaging.SendOutcome} and reads the provider's delivery callbacks, which arrive through
 * a {@link org.crmkit.messaging.http.ReceiptHandler} the host mounts (or a small built-in server). JDK only
 * ({@code java.net.http}, {@code com.sun.net.httpserver}); keys and examples in {@code docs/plugins/sms-http.md}.
 */
package org.crmkit.messaging.http;
