/**
 * Additional properties (the 1C "Дополнительные реквизиты"): a schema the user edits at run time,
 * typed values, and value lists whose entries can be added, renamed and retired without breaking
 * stored data. Depends only on {@code common}.
 */
package org.crmkit.property;
