package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.access.AccessPolicy;
import org.crmkit.audit.AuditEntry;
import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.NewClient;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.contract.BankAccount;
import org.crmkit.contract.BankAccountStore;
import org.crmkit.contract.Contract;
import org.crmkit.contract.ContractKind;
import org.crmkit.contract.ContractState;
import org.crmkit.contract.ContractStore;
import org.crmkit.contract.Contracts;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.feed.FeedEntry;
import org.crmkit.feed.FeedStore;
import org.junit.jupiter.api.Test;

/**
 * Contracts and bank accounts of a client's card, through the facade on the store under test:
 * stored and read back equal, one main one per client, numbers unique per client, stale copies and
 * mistyped account numbers refused with nothing stored, journaled under the client and fed.
 */
abstract class ContractsContract extends ReminderContract {
    /** A real pair published with its bank's details: a settlement account at BIC 044030827 and the bank's correspondent account. */
    static final String BIC = "044030827";
    static final String ACCOUNT = "40702810900000002851";
    static final String CORRESPONDENT = "30101810200000000827";

    Crm crmAs(String employee) {
        return Crm.builder().storage(storage()).actor(Actor.employee(tenant, EmployeeId.of(employee))).build();
    }

    Crm crm() {
        return crmAs("alekseev");
    }

    private List<FeedEntry> feed() {
        return storage().read(tenant, s -> s.get(FeedStore.class).after(0, 10_000));
    }

    @Test
    void aContractIsStoredReadBackEqualAndJournaledUnderItsClient() {
        Crm crm = crm();
        Client alkhimov = crm.clients().register(NewClient.individual("Алхимов А.А."));

        Contract added = crm.contracts().add(alkhimov.id(), "28", LocalDate.of(2009, 12, 2), "RUB", c -> c.withMain(true));

        assertThat(added.version()).isEqualTo(1);
        assertThat(added.describe()).isEqualTo("№ 28 of 2009-12-02 (RUB)");
        assertThat(crm.contracts().find(added.id())).contains(added);
        assertThat(crm.contracts().ofClient(alkhimov.id())).containsExactly(added);
        assertThat(crm.contracts().mainOf(alkhimov.id())).contains(added);
        assertThat(storage().<Optional<Contract>>read(tenant, s -> s.get(ContractStore.class).get(added.id()))).contains(added);
        assertThat(crm.clients().history(alkhimov.id())).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("contract:" + added.id());
            assertThat(e.field()).isEqualTo("added");
            assertThat(e.newValue()).contains("№ 28 of 2009-12-02 (RUB)");
        });
        assertThat(feed()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Contracts.KIND);
            assertThat(f.id()).isEqualTo(added.id().toString());
        });

        Contract closed = crm.contracts().update(added.id(), c -> c.moveTo(ContractState.CLOSED).ofKind(ContractKind.WITH_SUPPLIER));
        assertThat(closed.version()).isEqualTo(2);
        assertThat(crm.contracts().find(added.id())).contains(closed);
        List<AuditEntry> changed = crm.clients().history(alkhimov.id()).stream()
                .filter(e -> e.subject().equals("contract:" + added.id()) && !e.field().equals("added")).collect(Collectors.toList());
        assertThat(changed).extracting(AuditEntry::field).containsExactlyInAnyOrder("state", "kind");
        assertThat(changed).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("state");
            assertThat(e.oldValue()).contains("ACTIVE");
            assertThat(e.newValue()).contains("CLOSED");
        });
    }

    @Test
    void makingAContractMainClearsTheFormerMainOneAndAClientsContractsComeByDateNumberId() {
        Crm crm = crm();
        ClientId client = crm.clients().register(NewClient.legalEntity("Баев и Ко")).id();
        Contract first = crm.contracts().add(client, "7", LocalDate.of(2010, 1, 20), "RUB", c -> c.withMain(true));
        Contract second = crm.contracts().add(client, "12", LocalDate.of(2009, 5, 1), "USD", c -> c);
        Contract third = crm.contracts().add(client, "3", LocalDate.of(2010, 1, 20), "RUB", c -> c.withMain(true));

        assertThat(crm.contracts().ofClient(client)).extracting(Contract::number).containsExactly("12", "3", "7");
        assertThat(crm.contracts().mainOf(client)).contains(third);
        assertThat(crm.contracts().find(first.id()).orElseThrow().main()).isFalse();

        Contract main = crm.contracts().makeMain(second.id());
        assertThat(crm.contracts().mainOf(client)).contains(main);
        assertThat(crm.contracts().ofClient(client).stream().filter(Contract::main).count()).isEqualTo(1);
        assertThat(crm.clients().history(client)).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("contract:" + third.id());
            assertThat(e.field()).isEqualTo("main");
            assertThat(e.newValue()).contains("no");
        });
    }

    @Test
    void theStoreItselfRefusesASecondMainOneOfAClient() {
        Crm crm = crm();
        ClientId client = crm.clients().register(NewClient.legalEntity("Белявский")).id();
        Contract main = crm.contracts().add(client, "1", LocalDate.of(2010, 1, 17), "RUB", c -> c.withMain(true));
        Contract other = crm.contracts().add(client, "2", LocalDate.of(2010, 1, 17), "RUB", c -> c);

        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(ContractStore.class).update(other.withMain(true))))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.field()).isEqualTo("main"));
        assertThat(crm.contracts().mainOf(client)).contains(main);
    }

    @Test
    void aDuplicateContractNumberForOneClientIsRefusedNamingNumberAndNothingIsStored() {
        Crm crm = crm();
        ClientId client = crm.clients().register(NewClient.legalEntity("Иваночкин")).id();
        ClientId other = crm.clients().register(NewClient.legalEntity("Петров")).id();
        Contract first = crm.contracts().add(client, "28", LocalDate.of(2009, 12, 2), "RUB", c -> c);
        Contract second = crm.contracts().add(client, "29", LocalDate.of(2009, 12, 3), "RUB", c -> c);
        int feedBefore = feed().size();

        assertThatThrownBy(() -> crm.contracts().add(client, " 28 ", LocalDate.of(2011, 1, 1), "EUR", c -> c.withMain(true)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> {
                    assertThat(e.field()).isEqualTo("number");
                    assertThat(e.rejectedValue()).isEqualTo("28");
                });
        assertThatThrownBy(() -> crm.contracts().update(second.id(), c -> c.renumber("28")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.field()).isEqualTo("number"));

        assertThat(crm.contracts().ofClient(client)).containsExactly(first, second);
        assertThat(feed()).hasSize(feedBefore);
        assertThat(crm.contracts().add(other, "28", LocalDate.of(2009, 12, 2), "RUB", c -> c).number()).isEqualTo("28");
    }

    @Test
    void aStaleContractOrAccountIsRefusedAndTheStoredOneStays() {
        Crm crm = crm();
        ClientId client = crm.clients().register(NewClient.legalEntity("Альфа")).id();
        Contract v1 = crm.contracts().add(client, "1", LocalDate.of(2020, 1, 1), "RUB", c -> c);
        Contract v2 = crm.contracts().save(v1.renumber("1-A"));

        assertThatThrownBy(() -> crm.contracts().save(v1.renumber("1-B"))).isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(ContractStore.class).update(v1.renumber("1-C"))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(crm.contracts().find(v1.id())).contains(v2);

        BankAccount a1 = crm.bankAccounts().add(client, BIC, ACCOUNT, a -> a);
        BankAccount a2 = crm.bankAccounts().save(a1.atBank("АКБ \"ТОРГБАНК\""));
        assertThatThrownBy(() -> crm.bankAccounts().save(a1.atBank("другой"))).isInstanceOf(ConcurrentChangeException.class);
        assertThat(crm.bankAccounts().find(a1.id())).contains(a2);
    }

    @Test
    void aBankAccountIsStoredWithItsCorrespondentAccountAndIsTheClientsMainOne() {
        Crm crm = crm();
        ClientId client = crm.clients().register(NewClient.individual("Алхимов А.А.")).id();

        BankAccount account = crm.bankAccounts().add(client, BIC, " " + ACCOUNT + " ",
                a -> a.withCorrespondentAccount(CORRESPONDENT).atBank("АКБ \"ТОРГБАНК\"").withMain(true));

        assertThat(account.account()).isEqualTo(ACCOUNT);
        assertThat(crm.bankAccounts().mainOf(client)).contains(account);
        assertThat(storage().<Optional<BankAccount>>read(tenant, s -> s.get(BankAccountStore.class).get(account.id()))).contains(account);
        assertThat(crm.clients().history(client)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("bank-account:" + account.id()));

        // the Bank of Russia's own worked example (procedure N 515, example 3): key 7 at BIC 049805746
        BankAccount second = crm.bankAccounts().add(client, "049805746", "40602810700000000025", a -> a.withMain(true));
        assertThat(crm.bankAccounts().mainOf(client)).contains(second);
        assertThat(crm.bankAccounts().ofClient(client)).extracting(BankAccount::main).containsExactly(false, true);
    }

    @Test
    void theSameAccountTwiceForOneClientIsRefusedNamingAccount() {
        Crm crm = crm();
        ClientId client = crm.clients().register(NewClient.legalEntity("Гамма")).id();
        ClientId other = crm.clients().register(NewClient.legalEntity("Дельта")).id();
        BankAccount first = crm.bankAccounts().add(client, BIC, ACCOUNT, a -> a);

        assertThatThrownBy(() -> crm.bankAccounts().add(client, BIC, ACCOUNT, a -> a.atBank("ещё раз")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> {
                    assertThat(e.field()).isEqualTo("account");
                    assertThat(e.rejectedValue()).isEqualTo(ACCOUNT);
                });
        assertThat(crm.bankAccounts().ofClient(client)).containsExactly(first);
        assertThat(crm.bankAccounts().add(other, BIC, ACCOUNT, a -> a).client()).isEqualTo(other);
    }

    @Test
    void mistypedBankDetailsAreRefusedNamingFieldAndValueAndNothingIsStored() {
        Crm crm = crm();
        ClientId client = crm.clients().register(NewClient.legalEntity("Эпсилон")).id();
        int feedBefore = feed().size();

        assertRefused(() -> crm.bankAccounts().add(client, BIC, "40702810000000002851", a -> a), "account", "40702810000000002851");
        assertRefused(() -> crm.bankAccounts().add(client, "044030826", ACCOUNT, a -> a), "account", ACCOUNT);
        assertRefused(() -> crm.bankAccounts().add(client, "04403O827", ACCOUNT, a -> a), "bic", "04403O827");
        assertRefused(() -> crm.bankAccounts().add(client, "04403082", ACCOUNT, a -> a), "bic", "04403082");
        assertRefused(() -> crm.bankAccounts().add(client, BIC, "4070281090000000285", a -> a), "account", "4070281090000000285");
        assertRefused(() -> crm.bankAccounts().add(client, BIC, "4070281090000000285x", a -> a), "account", "4070281090000000285x");
        assertRefused(() -> crm.bankAccounts().add(client, BIC, ACCOUNT, a -> a.withCorrespondentAccount("30101810300000000827")),
                "correspondentAccount", "30101810300000000827");

        assertThat(crm.bankAccounts().ofClient(client)).isEmpty();
        assertThat(feed()).hasSize(feedBefore);
    }

    /** Asserts the call is refused with a {@link ValidationException} naming the field and the value. */
    static void assertRefused(Runnable call, String field, String value) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rejectedValue()).isEqualTo(value);
        });
    }

    @Test
    void contractsAndAccountsAreSeenAndChangedExactlyWhenTheirClientIs() {
        AccessPolicy ownOnly = ClientAccess.ownAndTeam(EmployeeDirectory.none());
        Crm panina = Crm.builder().storage(storage()).accessPolicy(ownOnly).actor(Actor.employee(tenant, EmployeeId.of("panina"))).build();
        Crm ivanov = Crm.builder().storage(storage()).accessPolicy(ownOnly).actor(Actor.employee(tenant, EmployeeId.of("ivanov"))).build();
        ClientId hers = panina.clients().register(NewClient.legalEntity("Её клиент").manager(EmployeeId.of("panina"))).id();
        Contract contract = panina.contracts().add(hers, "5", LocalDate.of(2020, 2, 2), "RUB", c -> c);
        BankAccount account = panina.bankAccounts().add(hers, BIC, ACCOUNT, a -> a);

        assertThat(ivanov.contracts().find(contract.id())).isEmpty();
        assertThat(ivanov.bankAccounts().find(account.id())).isEmpty();
        assertThatThrownBy(() -> ivanov.contracts().ofClient(hers)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ivanov.contracts().add(hers, "6", LocalDate.of(2020, 2, 2), "RUB", c -> c)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ivanov.contracts().update(contract.id(), c -> c.renumber("66"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ivanov.contracts().add(new ClientId(UUID.randomUUID()), "6", LocalDate.of(2020, 2, 2), "RUB", c -> c))
                .isInstanceOf(NotFoundException.class);
        assertThat(panina.contracts().ofClient(hers)).containsExactly(contract);
    }
}
