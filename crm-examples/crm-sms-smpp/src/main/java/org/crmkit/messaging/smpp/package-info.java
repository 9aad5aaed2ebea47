/**
 * An SMS gateway plugin that speaks SMPP 3.4 to an SMSC through jSMPP: one transceiver session kept
 * bound, GSM-7 or UCS-2 text in concatenated parts, delivery receipts matched back to message ids, and
 * a window of submissions in flight. Only {@link org.crmkit.messaging.smpp.SmppGatewayProvider},
 * {@link org.crmkit.messaging.smpp.SmppGateway} and {@link org.crmkit.messaging.smpp.SmppSettings}
 * are API; the other classes are package-private details.
 */
package org.crmkit.messaging.smpp;
