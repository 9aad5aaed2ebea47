/**
 * Handing an employee's open work to a successor when they leave. Each feature contributes one
 * {@link org.crmkit.handover.HandOver} (clients move the clients the employee manages, contact
 * persons the persons they are responsible for, interactions and deals their open ones; call
 * lists will move theirs); {@link org.crmkit.handover.HandOvers} runs them all in one unit of work, so a leaver's
 * work moves whole or not at all, and every move is journaled and fed like any other change. The
 * {@link org.crmkit.handover.HandOverReport} lists what moved by each feature's typed key.
 */
package org.crmkit.handover;
