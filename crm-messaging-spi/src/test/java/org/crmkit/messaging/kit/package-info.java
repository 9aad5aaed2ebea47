/**
 * The contract test kit, shipped as the test-jar of {@code crm-messaging-spi}: a plugin author extends
 * {@link org.crmkit.messaging.kit.SmsGatewayContract} (or {@link org.crmkit.messaging.kit.EmailSenderContract})
 * and supplies the gateway plus a test double of the provider behind it. The kit depends on JUnit Jupiter
 * only, and checks what a host relies on: ids, intact text, part counts, failure kinds and receipts.
 * Two helpers serve a plugin's own tests: {@link org.crmkit.messaging.kit.CapturedLog} (what the plugin
 * logged, e.g. a warning about an unknown key) and {@link org.crmkit.messaging.kit.DocumentedConfiguration}
 * (the example and the key table of the plugin's documentation page, to build the plugin from).
 * {@link org.crmkit.messaging.kit.PluginArchitectureContract} (which needs ArchUnit as well) checks that a
 * plugin's main classes use only the SPI, the JDK, slf4j-api and the libraries the plugin names.
 */
package org.crmkit.messaging.kit;
