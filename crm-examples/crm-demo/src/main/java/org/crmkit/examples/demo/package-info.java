/**
 * The README's demo: the brochure's clients (Питерсофт, Прайм-М, Алхимов А.А.) created in an
 * embedded H2 database, printed as cards, searched, and found again on the next run.
 */
package org.crmkit.examples.demo;
