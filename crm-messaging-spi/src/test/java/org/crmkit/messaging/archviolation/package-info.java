/** Deliberate violations of the SPI's architecture rules, so the rules can be shown to fire. Test code only. */
package org.crmkit.messaging.archviolation;
