package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.crmkit.common.ClientId;
import org.crmkit.contract.Contract;
import org.crmkit.contract.ContractId;
import org.crmkit.contract.ContractKind;
import org.crmkit.contract.ContractState;
import org.crmkit.contract.ContractStore;

/** The ContractStore of a JPA unit of work: rows of {@code crm_contract}. */
final class JpaContractStore extends JdbcClientRecordStore<ContractId, Contract> implements ContractStore {
    JpaContractStore(JpaStores unit) {
        super(unit, "crm_contract", "contract", Contract.ORDER, "number");
    }

    @Override
    List<Column> columns(Contract c) {
        return List.of(new Column("contract_number", c.number(), Types.VARCHAR), new Column("contract_date", c.date(), Types.DATE),
                new Column("currency", c.currency().getCurrencyCode(), Types.CHAR), new Column("kind", c.kind().name(), Types.VARCHAR),
                new Column("contract_state", c.state().name(), Types.VARCHAR), new Column("main_client", mainClient(c), Types.OTHER));
    }

    @Override
    UUID idValue(ContractId id) {
        return id.value();
    }

    @Override
    Contract read(ResultSet rs) throws SQLException {
        return new Contract(new ContractId(rs.getObject("id", UUID.class)), new ClientId(rs.getObject("client_id", UUID.class)),
                rs.getString("contract_number"), rs.getObject("contract_date", LocalDate.class),
                Currency.getInstance(rs.getString("currency").strip()), ContractKind.valueOf(rs.getString("kind")),
                ContractState.valueOf(rs.getString("contract_state")), rs.getObject("main_client", UUID.class) != null, rs.getLong("version"));
    }

    @Override
    String uniqueValue(Contract record) {
        return record.number();
    }
}
