/**
 * A client's contracts and bank accounts, as a client card shows them ("Основной договор",
 * "Основной банковский счет"): records of their own that hang off one client, each versioned,
 * journaled under the client and seen and changed exactly when the client is. At most one of each
 * is a client's main one; bank account numbers are checked with the Bank of Russia control key.
 */
package org.crmkit.contract;
