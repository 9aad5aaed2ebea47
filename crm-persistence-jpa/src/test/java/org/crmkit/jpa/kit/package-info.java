/**
 * What crm-persistence-jpa's test-jar gives other modules: {@link org.crmkit.jpa.kit.JpaArchitecture}, the
 * rule that keeps them out of the JPA store's internals. Test code only.
 */
package org.crmkit.jpa.kit;
