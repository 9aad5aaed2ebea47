/**
 * An SMS gateway (provider name {@code "kannel"}) for the Kannel open-source SMS gateway: it sends through smsbox's
 * {@code sendsms} HTTP interface and takes Kannel's delivery reports on the {@code dlr-url} callback, matched to
 * messages by a token of its own, since Kannel's answer carries no message id. Built on the JDK's HTTP client and
 * server alone; the keys are listed on {@link org.crmkit.messaging.kannel.KannelSettings}.
 */
package org.crmkit.messaging.kannel;
