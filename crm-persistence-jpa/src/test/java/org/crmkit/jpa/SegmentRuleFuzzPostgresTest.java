package org.crmkit.jpa;

import org.junit.jupiter.api.BeforeAll;

/** {@link SegmentRuleFuzzTest} on PostgreSQL (embedded, or the server the environment names): the same hostile inputs, the same unchanged database. */
class SegmentRuleFuzzPostgresTest extends SegmentRuleFuzzTest {
    @BeforeAll
    static void open() {
        open(TestDatabases.postgres(), () -> connect(TestDatabases.postgresUrl(), TestDatabases.postgresUser(), TestDatabases.postgresPassword()));
    }
}
