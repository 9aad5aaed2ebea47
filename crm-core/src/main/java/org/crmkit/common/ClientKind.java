package org.crmkit.common;

/**
 * The legal form of a client, which decides which tax identifiers it has: a legal entity has a
 * 10-digit INN, a KPP and an OGRN; a sole proprietor a 12-digit INN and an OGRNIP; an individual
 * at most a 12-digit INN.
 */
public enum ClientKind {
    LEGAL_ENTITY,
    SOLE_PROPRIETOR,
    INDIVIDUAL
}
