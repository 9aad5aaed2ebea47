/**
 * The storage SPI: a {@link org.crmkit.storage.Storage} runs one unit of work per use case for one
 * tenant and hands out the stores of every aggregate, bound to that unit of work. Implementations
 * are registered explicitly or found through {@link java.util.ServiceLoader}.
 */
package org.crmkit.storage;
