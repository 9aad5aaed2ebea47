package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.common.ClientId;
import org.crmkit.contract.BankAccount;
import org.crmkit.contract.BankAccountId;
import org.crmkit.contract.BankAccountStore;
import org.crmkit.contract.Bic;

/** The BankAccountStore of a JPA unit of work: rows of {@code crm_bank_account}. */
final class JpaBankAccountStore extends JdbcClientRecordStore<BankAccountId, BankAccount> implements BankAccountStore {
    JpaBankAccountStore(JpaStores unit) {
        super(unit, "crm_bank_account", "bank account", BankAccount.ORDER, "account");
    }

    @Override
    List<Column> columns(BankAccount a) {
        return List.of(new Column("bic", a.bic().value(), Types.CHAR), new Column("account_number", a.account(), Types.CHAR),
                new Column("correspondent_account", a.correspondentAccount().orElse(null), Types.CHAR),
                new Column("bank_name", a.bankName().orElse(null), Types.VARCHAR), new Column("main_client", mainClient(a), Types.OTHER));
    }

    @Override
    UUID idValue(BankAccountId id) {
        return id.value();
    }

    @Override
    BankAccount read(ResultSet rs) throws SQLException {
        return new BankAccount(new BankAccountId(rs.getObject("id", UUID.class)), new ClientId(rs.getObject("client_id", UUID.class)),
                Bic.of(rs.getString("bic")), rs.getString("account_number"), Optional.ofNullable(rs.getString("correspondent_account")),
                Optional.ofNullable(rs.getString("bank_name")), rs.getObject("main_client", UUID.class) != null, rs.getLong("version"));
    }

    @Override
    String uniqueValue(BankAccount record) {
        return record.account();
    }
}
