/**
 * SMS through the messaging SPI: the message value, the {@link org.crmkit.messaging.sms.SmsGateway} a
 * plugin's {@link org.crmkit.messaging.sms.SmsGatewayProvider} creates, the capabilities a gateway
 * declares, and {@link org.crmkit.messaging.sms.SmsParts}, which tells how many parts a text costs and
 * where it splits. A host developer writes a new SMS plugin against these types alone.
 */
package org.crmkit.messaging.sms;
