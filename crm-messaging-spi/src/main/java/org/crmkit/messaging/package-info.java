/**
 * The messaging SPI's common vocabulary: provider configuration, the outcome of a send, delivery
 * receipts and the discovery and selection of providers. It depends on the JDK and slf4j-api only,
 * so that a plugin author takes nothing else; e-mail and SMS specifics live in the sub-packages.
 */
package org.crmkit.messaging;
