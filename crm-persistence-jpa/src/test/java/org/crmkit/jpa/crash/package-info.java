/**
 * Whether the embedded H2 default keeps a client base through what hosts do to it: the kill loop (a
 * child JVM registering clients into {@code JpaStorage.h2(path)} is killed with SIGKILL at random
 * moments, and the file is reopened and every client checked whole) and the upgrade from files
 * written by the H2 release crmkit shipped before. Public API only: it tests what an embedder meets.
 */
package org.crmkit.jpa.crash;
