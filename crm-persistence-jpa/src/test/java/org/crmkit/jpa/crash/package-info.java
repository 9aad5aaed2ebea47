/**
 * The kill loop: a child JVM registers clients into {@code JpaStorage.h2(path)} and is killed with
 * SIGKILL at a random moment; the file is then reopened and every client is checked whole. Uses the
 * public API only, so it tests what an embedder meets after a crash.
 */
package org.crmkit.jpa.crash;
