/**
 * Russian registration and tax identifiers of a client: INN, KPP, OGRN/OGRNIP and OKPO, each a
 * record that checks its format and check digits on construction, so an invalid one cannot exist.
 * A rejected identifier raises {@link org.crmkit.taxid.InvalidTaxIdException}, which names the field,
 * the value and, for a checksum failure, the check digit that was expected.
 */
package org.crmkit.taxid;
