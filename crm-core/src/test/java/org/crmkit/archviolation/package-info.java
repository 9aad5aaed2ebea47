/** Deliberate violations of the architecture rules, so the rules can be shown to fire. Test code only. */
package org.crmkit.archviolation;
