/**
 * Benchmark mains for the client base on H2 and PostgreSQL (issue 3): bulk registration against plain
 * JDBC batches, quick search and property filters over a million clients. Each main measures crmkit
 * against a baseline in the same run and prints Markdown table rows; none of this is a test, and
 * nothing here asserts a time. The fixed dataset comes from {@link org.crmkit.examples.benchmarks.Dataset}.
 */
package org.crmkit.examples.benchmarks;
