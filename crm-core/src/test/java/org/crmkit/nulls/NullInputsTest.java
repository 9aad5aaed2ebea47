package org.crmkit.nulls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.crmkit.Crm;
import org.crmkit.access.AccessPolicies;
import org.crmkit.access.AccessPolicy;
import org.crmkit.access.RecordKind;
import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.JournalQuery;
import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientGroup;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.Actor;
import org.crmkit.common.ActorSource;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.CrmException;
import org.crmkit.common.DomainEventListener;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.Money;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.employee.TeamId;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.property.AppliesTo;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.property.ValueList;
import org.crmkit.storage.Feature;
import org.crmkit.storage.Storage;
import org.crmkit.taxid.Inn;
import org.crmkit.usecase.CrmContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every public builder method and verb of the API a host calls, reached by reflection (so a
 * method added later is covered without a line here): each reference argument in turn is
 * {@code null}, the others a valid sample, and the answer must be a {@link ValidationException}
 * naming a field — never a {@link NullPointerException} or another surprise. Where {@code null}
 * is documented to mean "none" ({@link #NULL_MEANS_NONE}), the call may also succeed.
 *
 * <p>The planted class {@link Planted} proves the test catches what escapes.
 */
class NullInputsTest {
    /** The packages of the API a host calls; internal wiring (memory, usecase, inject, storage SPI) aside. */
    private static final Set<String> API_PACKAGES = Set.of("org.crmkit", "org.crmkit.client", "org.crmkit.property",
            "org.crmkit.audit", "org.crmkit.common", "org.crmkit.taxid", "org.crmkit.employee", "org.crmkit.access",
            "org.crmkit.criteria", "org.crmkit.deal", "org.crmkit.interaction", "org.crmkit.contract", "org.crmkit.ledger",
            "org.crmkit.survey", "org.crmkit.consent", "org.crmkit.consent.json",
            "org.crmkit.mailing", "org.crmkit.mailing.outbox", "org.crmkit.mailing.template", "org.crmkit.mailing.recipient",
            "org.crmkit.segment", "org.crmkit.segment.json");

    /**
     * Parameters where {@code null} means "none" (not given, cleared, no parent), as the javadoc of
     * their class says: {@code Class.method#index}. Everywhere else {@code null} is refused.
     */
    static final Set<String> NULL_MEANS_NONE = Set.of(
            "NewClient.fullName#0", "NewClient.code#0", "NewClient.group#0", "NewClient.relationship#0", "NewClient.manager#0",
            "NewClient.registeredOn#0", "NewClient.location#0", "NewClient.location#1", "NewClient.location#2", "NewClient.inn#0",
            "NewClient.kpp#0", "NewClient.ogrn#0", "NewClient.okpo#0", "NewClient.notes#0", "NewClient.contact#2",
            "Client.assignManager#0", "Client.changeNotes#0", "Client.classifyAs#0", "Client.moveToGroup#0", "Client.withFullName#0",
            "ContactPerson.assignResponsible#0", "ContactPerson.bornOn#0", "ContactPerson.changeNotes#0", "ContactPerson.endRelation#0",
            "ContactPerson.relationSince#0", "ContactPerson.withPosition#0", "ContactEntry.labelled#0",
            "ClientGroup.create#2", "ClientGroup.moveUnder#0", "ClientGroups.create#1", "ClientGroups.move#1",
            "Location.of#0", "Location.of#1", "Location.of#2", "PersonName.of#1", "PersonName.of#2", "Employee.of#2",
            "TaxIdentifiers.parse#0", "TaxIdentifiers.parse#1", "TaxIdentifiers.parse#2", "TaxIdentifiers.parse#3",
            // no default region: only numbers with a country code are read (PhoneNumber.parse)
            "PhoneNumber.parse#2", "ContactEntry.parse#2", "ConsentAddress.phone#1", "ConsentAddress.forChannel#2",
            // a search box never refuses what is (not) typed: nothing typed finds nothing
            "Clients.search#0", "NameSearch.of#0", "NameSearch.ofOtherLayout#0", "PhoneNumber.searchable#0", "PhoneNumber.searchable#1",
            "Deal.withContact#0", "Deal.expectClose#0", "Deal.withSource#0",
            // the verbs of an interaction that clear a field, a completion without a result, a channel not noted
            "Interaction.describe#0", "Interaction.withProject#0", "Interaction.basedOn#0", "Interaction.forDeal#0",
            "Interaction.withDirection#0", "Interaction.repeat#0",
            "Interaction.complete#0", "Participant.of#2", "Participant.reachedBy#0",
            // a fact without a client or an order; an account whose bank or correspondent account is not noted
            "Fact.forClient#0", "Fact.forOrder#0", "BankAccount.withCorrespondentAccount#0", "BankAccount.atBank#0",
            // a preference cleared; an e-mail template without an HTML body
            "Client.prefer#0", "ContactPerson.prefer#0", "EmailTemplate.of#3", "MailTemplates.email#2");

    /**
     * What crmkit calls on itself rather than a host with its input: evaluation helpers of the
     * stores and the read side, events it publishes, and the name a parser reports errors under.
     */
    private static final Set<String> PLUMBING_METHODS = Set.of("check", "checkTypeChange", "compatibleWith", "keepsEntriesOf",
            "sameAs", "isBefore", "checkFor", "searchKeyOf", "display", "admits", "rank", "tier", "EmailAddress.parse#0", "PhoneNumber.parse#0", "Channel.parse#1", "PreferredChannel.parse#1",
            "overlaps", "startsIn", "endedBefore", "overdueAt", "involves");
    private static final Set<String> PLUMBING_CLASSES = Set.of("NameWords", "CleanText", "Changes", "Relation", "ClientSummary",
            // the tools of a leaf codec in org.crmkit.segment.json, called by RuleJson's reader and writer with what it read
            "Fields", "Trees", "LeafFamily", "LeafCodec", "PropertyValueJson");

    /** Texts tried for String arguments until the call goes through, so that the null is what is refused. */
    private static final List<String> TEXTS = List.of("Альфа", "alpha", "7707083893", "773601001", "1027700132195", "a@b.ru",
            "+79161234567", "RU", "furniture", "RUB", "12.50", "vip");

    private Crm crm;
    private Client client;
    private ContactPerson person;
    private ClientGroup group;
    private PropertyDefinition choices;
    private ChoiceId choice;
    private final Map<Class<?>, Supplier<Object>> samples = new LinkedHashMap<>();
    private org.crmkit.deal.Pipeline pipeline;
    private org.crmkit.deal.Deal deal;

    @BeforeEach
    void aBaseToCallInto() {
        crm = Crm.builder().storage(new InMemoryStorage()).ids(IdGenerator.sequential())
                .actor(Actor.employee(TenantId.of("nulls"), EmployeeId.of("alekseev"))).build();
        group = crm.groups().create("Покупатели", null);
        choices = crm.properties().define(PropertyDefinition.define("furniture", "Мебель", new PropertyType.MultiChoiceType(ValueList.empty())));
        choice = crm.properties().addChoice("furniture", "Кухонная мебель");
        crm.properties().define(PropertyDefinition.define("notes-x", "Заметка", new PropertyType.TextType(100)));
        client = crm.clients().register(NewClient.legalEntity("Питерсофт").inn("7707083893").contact(ContactType.PHONE, "+79161234567"));
        person = crm.contactPersons().add(client.id(), PersonName.of("Светикова", "Светлана", "Андреевна"), p -> p);

        pipeline = crm.pipelines().create("Продажи", List.of(org.crmkit.deal.NewStage.open("Начало", 10),
                org.crmkit.deal.NewStage.won("Успех"), org.crmkit.deal.NewStage.lost("Отказ")));
        crm.pipelines().addLostReason("price", "Цена");
        deal = crm.deals().open(org.crmkit.deal.NewDeal.of(client.id(), "Сделка", Money.of("10", "RUB"), pipeline.id()));
        sample(org.crmkit.deal.Deals.class, () -> crm.deals());
        sample(org.crmkit.deal.Pipelines.class, () -> crm.pipelines());
        sample(org.crmkit.deal.Deal.class, () -> crm.deals().get(deal.id()));
        sample(org.crmkit.deal.DealId.class, () -> deal.id());
        sample(org.crmkit.deal.Pipeline.class, () -> crm.pipelines().get(pipeline.id()));
        sample(org.crmkit.deal.PipelineId.class, () -> pipeline.id());
        sample(org.crmkit.deal.StageId.class, () -> pipeline.stages().get(0).id());
        sample(org.crmkit.deal.Stage.class, () -> pipeline.stages().get(0));
        sample(org.crmkit.deal.NewStage.class, () -> org.crmkit.deal.NewStage.open("Счёт", 50));
        sample(org.crmkit.deal.NewDeal.class, () -> org.crmkit.deal.NewDeal.of(client.id(), "Ещё", Money.of("5", "RUB"), pipeline.id()));
        sample(org.crmkit.deal.LostReason.class, () -> crm.pipelines().lostReasons().get(0));
        sample(org.crmkit.deal.LostReasonId.class, () -> org.crmkit.deal.LostReasonId.of("price"));
        sample(org.crmkit.deal.StageVisit.class, () -> deal.history().get(0));
        sample(org.crmkit.deal.FunnelQuery.class, () -> org.crmkit.deal.FunnelQuery.of(pipeline.id()));
        sample(org.crmkit.deal.Funnel.class, () -> crm.deals().funnel(org.crmkit.deal.FunnelQuery.of(pipeline.id())));
        sample(org.crmkit.deal.Funnel.Facts.class, org.crmkit.deal.Funnel.Facts::new);
        sample(org.crmkit.deal.DealCriterion.class, () -> new org.crmkit.deal.DealCriterion.StatusIs(org.crmkit.deal.StageKind.OPEN));
        org.crmkit.contract.Contract contract = crm.contracts().add(client.id(), "28", java.time.LocalDate.of(2009, 12, 2), "RUB", c -> c);
        org.crmkit.contract.BankAccount account = crm.bankAccounts().add(client.id(), "044525999", "40802810800000000028", a -> a);
        sample(org.crmkit.contract.Contracts.class, () -> crm.contracts());
        sample(org.crmkit.contract.BankAccounts.class, () -> crm.bankAccounts());
        sample(org.crmkit.contract.Contract.class, () -> crm.contracts().find(contract.id()).orElseThrow());
        sample(org.crmkit.contract.ContractId.class, () -> contract.id());
        sample(org.crmkit.contract.BankAccount.class, () -> crm.bankAccounts().find(account.id()).orElseThrow());
        sample(org.crmkit.contract.BankAccountId.class, () -> account.id());
        sample(org.crmkit.contract.Bic.class, () -> org.crmkit.contract.Bic.of("044525999"));
        org.crmkit.ledger.FactKey factKey = new org.crmkit.ledger.FactKey("customer-order", "ТД-00000005", 1);
        org.crmkit.ledger.Fact fact = org.crmkit.ledger.Fact.of(factKey, java.time.LocalDate.of(2009, 12, 3), "100.00", "60.00", "RUB")
                .forClient(client.id());
        crm.ledger().push(List.of(fact));
        java.time.LocalDate from = java.time.LocalDate.of(2009, 1, 1);
        java.time.LocalDate until = java.time.LocalDate.of(2009, 12, 31);
        sample(org.crmkit.common.ExchangeRates.class, () -> org.crmkit.common.ExchangeRates.into("RUB", Map.of("USD", "92.5")));
        sample(org.crmkit.ledger.Ledger.class, () -> crm.ledger());
        sample(org.crmkit.ledger.FactKey.class, () -> factKey);
        sample(org.crmkit.ledger.Fact.class, () -> fact);
        sample(org.crmkit.ledger.AbcRules.class, () -> org.crmkit.ledger.AbcRules.DEFAULT);
        sample(org.crmkit.ledger.ClientClasses.class, () -> crm.ledger().classes(from, until, "RUB", org.crmkit.ledger.AbcRules.DEFAULT));
        sample(org.crmkit.ledger.Ledger.Recomputed.class, () -> crm.ledger().recomputeClasses(from, until, "RUB", org.crmkit.ledger.AbcRules.DEFAULT));
        sample(org.crmkit.ledger.ClientClass.class, () -> new org.crmkit.ledger.ClientClass(client.id(),
                org.crmkit.ledger.ClientClasses.Grade.B, java.util.Optional.of(new org.crmkit.ledger.ClientClass.Scores(5, 1, 3))));
        sample(org.crmkit.ledger.ClientClass.Scores.class, () -> new org.crmkit.ledger.ClientClass.Scores(5, 1, 3));
        sample(org.crmkit.ledger.ClientClassCriterion.class, () -> org.crmkit.ledger.ClientClassCriterion.GradeIn.of(org.crmkit.ledger.ClientClasses.Grade.A));
        sample(org.crmkit.ledger.IncomeExpenses.class, () -> crm.ledger().incomeAndExpenses(from, until));
        sample(org.crmkit.ledger.IncomeExpenses.Section.class, () -> crm.ledger().incomeAndExpenses(from, until).currencies().get(0));
        sample(org.crmkit.ledger.IncomeExpenses.ClientLine.class,
                () -> crm.ledger().incomeAndExpenses(from, until).currencies().get(0).clients().get(0));
        sample(org.crmkit.ledger.IncomeExpenses.Figures.class, () -> crm.ledger().incomeAndExpenses(from, until).currencies().get(0).total());
        org.crmkit.interaction.CalendarPeriod month = org.crmkit.interaction.CalendarPeriod.month(java.time.YearMonth.of(2024, 1),
                java.time.ZoneOffset.UTC);
        sample(org.crmkit.interaction.InteractionAnalysis.class, () -> crm.interactions().analysis(month));
        sample(org.crmkit.interaction.InteractionAnalysis.ResponsibleLine.class,
                () -> new org.crmkit.interaction.InteractionAnalysis.ResponsibleLine(EmployeeId.of("alekseev"), 0, List.of()));
        sample(org.crmkit.interaction.InteractionAnalysis.ClientLine.class,
                () -> new org.crmkit.interaction.InteractionAnalysis.ClientLine(Optional.empty(), Optional.empty(), 0, List.of()));
        sample(org.crmkit.interaction.AnalysisSummary.class, () -> crm.interactions().analysisSummary(month));
        sample(org.crmkit.interaction.AnalysisSummary.ResponsibleTotal.class,
                () -> new org.crmkit.interaction.AnalysisSummary.ResponsibleTotal(EmployeeId.of("alekseev"), 0, List.of()));
        sample(org.crmkit.interaction.AnalysisSummary.ClientTotal.class,
                () -> new org.crmkit.interaction.AnalysisSummary.ClientTotal(Optional.empty(), Optional.empty(), 0, List.of()));
        sample(java.time.Year.class, () -> java.time.Year.of(2024));
        sample(org.crmkit.interaction.ClientsWithoutInteractions.class, () -> crm.interactions().withoutInteractions(month, Set.of(), Set.of()));
        sample(org.crmkit.interaction.ClientsWithoutInteractions.ManagerLine.class,
                () -> new org.crmkit.interaction.ClientsWithoutInteractions.ManagerLine(Optional.empty(), 0, List.of()));
        sample(String.class, () -> "Альфа");
        sample(CharSequence.class, () -> "Альфа");
        sample(Object.class, () -> "Альфа");
        sample(Crm.class, () -> crm);
        sample(Crm.Builder.class, () -> Crm.builder().storage(new InMemoryStorage()));
        sample(org.crmkit.client.Clients.class, () -> crm.clients());
        sample(org.crmkit.client.ContactPersons.class, () -> crm.contactPersons());
        sample(org.crmkit.client.ClientGroups.class, () -> crm.groups());
        sample(org.crmkit.client.RelationshipTypes.class, () -> crm.relationshipTypes());
        sample(org.crmkit.property.PropertySchema.class, () -> crm.properties());
        sample(org.crmkit.ChangeFeed.class, () -> crm.feed());
        sample(org.crmkit.ChangeJournal.class, () -> crm.journal());
        sample(Client.class, () -> crm.clients().get(client.id()));
        sample(ClientId.class, () -> client.id());
        sample(ContactPerson.class, () -> crm.contactPersons().find(person.id()).orElseThrow());
        sample(ContactPersonId.class, () -> person.id());
        sample(ClientGroup.class, () -> group);
        sample(ClientGroupId.class, () -> group.id());
        sample(RelationshipType.class, () -> RelationshipType.DEFAULTS.get(0));
        sample(RelationshipTypeId.class, () -> RelationshipType.VIP);
        sample(NewClient.class, () -> NewClient.legalEntity("Бета"));
        sample(PersonName.class, () -> PersonName.of("Иванов", "Иван", "Иванович"));
        sample(ContactEntry.class, () -> ContactEntry.parse(ContactType.EMAIL, "a@b.ru", "RU"));
        sample(ContactType.class, () -> ContactType.EMAIL);
        sample(ClientKind.class, () -> ClientKind.LEGAL_ENTITY);
        sample(ClientCode.class, () -> ClientCode.of("X-1"));
        sample(EmployeeId.class, () -> EmployeeId.of("alekseev"));
        sample(TenantId.class, () -> TenantId.of("nulls"));
        sample(TeamId.class, () -> TeamId.of("sales"));
        sample(Actor.class, () -> Actor.employee(TenantId.of("nulls"), EmployeeId.of("alekseev")));
        sample(ActorSource.class, () -> ActorSource.fixed(Actor.system(TenantId.of("nulls"), "system")));
        sample(Employee.class, () -> Employee.of("panina", "Панина Л.Г.", "sales"));
        sample(EmployeeDirectory.class, EmployeeDirectory::none);
        sample(AccessPolicy.class, AccessPolicies::everything);
        sample(AccessPolicies.Builder.class, AccessPolicies::builder);
        sample(RecordKind.class, () -> ClientAccess.CLIENTS);
        sample(DomainEventListener.class, () -> (DomainEventListener) event -> { });
        sample(Storage.class, InMemoryStorage::new);
        sample(Clock.class, Clock::systemUTC);
        sample(IdGenerator.class, IdGenerator::sequential);
        sample(Feature.class, () -> Crm.JOURNAL);
        sample(Criterion.class, Criterion::all);
        sample(ClientCriterion.class, () -> new ClientCriterion.Archived(false));
        sample(ClientCriterion.Having.class, () -> new ClientCriterion.Having<>(org.crmkit.client.ContactPersonCriterion.OF_CLIENT, Criterion.all()));
        sample(ClientCriterion.PropertyMatches.class, () -> new ClientCriterion.PropertyMatches(org.crmkit.property.PropertyKey.of("activity"), new org.crmkit.property.PropertyCondition.Filled()));
        sample(org.crmkit.client.ContactPersonCriterion.OfClient.class, () -> new org.crmkit.client.ContactPersonCriterion.OfClient(Criterion.all()));
        sample(org.crmkit.deal.DealCriterion.OfClient.class, () -> new org.crmkit.deal.DealCriterion.OfClient(Criterion.all()));
        sample(org.crmkit.interaction.InteractionCriterion.OfClient.class, () -> new org.crmkit.interaction.InteractionCriterion.OfClient(Criterion.all()));
        sample(org.crmkit.client.NameSearch.class, () -> org.crmkit.client.NameSearch.of("Альфа").orElseThrow());
        sample(ClientQuery.class, () -> ClientQuery.where(Criterion.all()));
        sample(JournalQuery.class, () -> JournalQuery.between(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"), 10));
        sample(JournalQuery.Position.class, () -> new JournalQuery.Position(Instant.EPOCH, new java.util.UUID(0, 1)));
        sample(AuditEntry.class, () -> crm.clients().history(client.id()).get(0));
        sample(PropertyDefinition.class, () -> crm.properties().get("furniture").orElseThrow());
        sample(PropertyKey.class, () -> PropertyKey.of("furniture"));
        sample(PropertyType.class, () -> new PropertyType.TextType(100));
        sample(PropertyValue.class, () -> PropertyValue.text("текст"));
        sample(ValueList.class, ValueList::empty);
        sample(ChoiceId.class, () -> choice);
        sample(AppliesTo.class, () -> AppliesTo.ALL);
        sample(Money.class, () -> Money.of("12.50", "RUB"));
        sample(BigDecimal.class, () -> BigDecimal.TEN);
        sample(java.util.Currency.class, () -> java.util.Currency.getInstance("RUB"));
        sample(EmailAddress.class, () -> EmailAddress.parse("a@b.ru"));
        sample(PhoneNumber.class, () -> PhoneNumber.parse("phone", "+79161234567", "RU"));
        sample(Inn.class, () -> Inn.parse("7707083893"));
        sample(LocalDate.class, () -> LocalDate.of(2024, 1, 15));
        sample(Instant.class, () -> Instant.parse("2024-01-15T10:00:00Z"));
        sample(java.util.UUID.class, () -> new java.util.UUID(0, 1));
        sample(Optional.class, Optional::empty);
        sample(List.class, List::of);
        sample(Set.class, Set::of);
        sample(Collection.class, List::of);
        sample(Map.class, Map::of);
        sample(UnaryOperator.class, () -> UnaryOperator.identity());
        sample(Function.class, () -> Function.identity());
        sample(java.util.function.BiPredicate.class, () -> (java.util.function.BiPredicate<Object, Object>) (a, b) -> true);
        sample(java.util.function.BiFunction.class, () -> (java.util.function.BiFunction<Object, Object, Object>) (a, b) -> a);
        sample(java.util.function.Consumer.class, () -> (java.util.function.Consumer<Object>) a -> { });
        sample(java.util.function.Predicate.class, () -> (java.util.function.Predicate<Object>) a -> true);
        sample(org.crmkit.client.TaxIdentifiers.class, () -> org.crmkit.client.TaxIdentifiers.parse("7707083893", "773601001", null, null));
        sample(org.crmkit.client.Location.class, () -> org.crmkit.client.Location.of("Москва", "Москва", "ИТ"));
        sample(org.crmkit.criteria.Relation.class, () -> org.crmkit.client.ContactPersonCriterion.OF_CLIENT);
        sample(Comparator.class, () -> Comparator.naturalOrder());
        interactionSamples();
        surveySamples();
        savedSegmentSamples();
        consentSamples();
        mailingSamples();
        mailTemplateSamples();
        segmentSamples();
    }

    private void mailingSamples() {
        org.crmkit.mailing.Mailing mailing = crm.mailings().create("Сезонная скидка", Set.of(org.crmkit.consent.Channel.EMAIL),
                org.crmkit.consent.Purpose.MARKETING, "segment");
        org.crmkit.mailing.outbox.OutboxRecipient recipient = new org.crmkit.mailing.outbox.OutboxRecipient(client.id(), Optional.empty(),
                org.crmkit.consent.Channel.EMAIL, "a@b.ru");
        crm.mailings().enqueue(mailing.id(), List.of(recipient));
        org.crmkit.mailing.outbox.OutboxEntry entry = crm.mailings().entries(mailing.id(), Set.of(), Optional.empty(), 1).get(0);
        org.crmkit.messaging.email.EmailSender email = new org.crmkit.messaging.email.EmailSender() {
            @Override
            public org.crmkit.messaging.SendOutcome send(org.crmkit.messaging.email.EmailMessage message) {
                return org.crmkit.messaging.SendOutcome.accepted("id", 1);
            }

            @Override
            public void close() {
            }
        };
        org.crmkit.messaging.sms.SmsGateway sms = new org.crmkit.messaging.sms.SmsGateway() {
            @Override
            public org.crmkit.messaging.SendOutcome send(org.crmkit.messaging.sms.SmsMessage message) {
                return org.crmkit.messaging.SendOutcome.accepted("id", 1);
            }

            @Override
            public void close() {
            }
        };
        org.crmkit.mailing.outbox.MessageComposer composer = new org.crmkit.mailing.outbox.MessageComposer() {
            @Override
            public org.crmkit.messaging.email.EmailMessage email(org.crmkit.mailing.Mailing m, org.crmkit.mailing.outbox.OutboxEntry e, String key) {
                return org.crmkit.messaging.email.EmailMessage.builder().idempotencyKey(key)
                        .from(org.crmkit.messaging.email.Mailbox.of("shop@example.ru")).to(org.crmkit.messaging.email.Mailbox.of("a@b.ru"))
                        .subject("s").text("t").build();
            }

            @Override
            public org.crmkit.messaging.sms.SmsMessage sms(org.crmkit.mailing.Mailing m, org.crmkit.mailing.outbox.OutboxEntry e, String key) {
                return org.crmkit.messaging.sms.SmsMessage.of(key, "Shop", "+79161234567", "t");
            }
        };
        org.crmkit.mailing.outbox.Outlets outlets = org.crmkit.mailing.outbox.Outlets.builder().email(email).build();
        sample(org.crmkit.mailing.Mailings.class, () -> crm.mailings());
        sample(org.crmkit.mailing.Mailing.class, () -> crm.mailings().find(mailing.id()).orElseThrow());
        sample(org.crmkit.mailing.MailingId.class, () -> mailing.id());
        sample(org.crmkit.mailing.MailingState.class, () -> org.crmkit.mailing.MailingState.DRAFT);
        sample(org.crmkit.mailing.MailingSender.class, () -> crm.mailings().sender(outlets, composer));
        sample(org.crmkit.mailing.outbox.OutboxRecipient.class, () -> recipient);
        sample(org.crmkit.mailing.outbox.OutboxEntry.class, () -> entry);
        sample(org.crmkit.mailing.outbox.OutboxEntryId.class, () -> entry.id());
        sample(org.crmkit.mailing.outbox.OutboxState.class, () -> org.crmkit.mailing.outbox.OutboxState.PENDING);
        sample(org.crmkit.mailing.outbox.OutboxLease.class, () -> new org.crmkit.mailing.outbox.OutboxLease(new java.util.UUID(0, 4),
                Instant.parse("2024-01-15T09:50:00Z")));
        sample(org.crmkit.mailing.outbox.OutboxCount.class, () -> new org.crmkit.mailing.outbox.OutboxCount(
                org.crmkit.mailing.outbox.OutboxState.SENT, Optional.empty(), Optional.empty(), 1));
        sample(org.crmkit.mailing.outbox.MailingStatistics.class, () -> crm.mailings().statistics(mailing.id()));
        sample(org.crmkit.mailing.outbox.MessageComposer.class, () -> composer);
        sample(org.crmkit.mailing.outbox.Resolution.class, () -> org.crmkit.mailing.outbox.Resolution.SENT);
        sample(org.crmkit.mailing.outbox.RetryPolicy.class, () -> org.crmkit.mailing.outbox.RetryPolicy.of(3, java.time.Duration.ofSeconds(1),
                java.time.Duration.ofMinutes(1), 1));
        sample(org.crmkit.mailing.outbox.RateLimit.class, () -> org.crmkit.mailing.outbox.RateLimit.perSecond(5));
        sample(org.crmkit.mailing.outbox.Outlets.class, () -> outlets);
        sample(org.crmkit.mailing.outbox.Outlets.Builder.class, org.crmkit.mailing.outbox.Outlets::builder);
        sample(org.crmkit.mailing.outbox.SenderProbe.class, () -> org.crmkit.mailing.outbox.SenderProbe.NONE);
        sample(org.crmkit.mailing.outbox.SenderProbe.Boundary.class, () -> org.crmkit.mailing.outbox.SenderProbe.Boundary.CLAIMED);
        sample(org.crmkit.mailing.outbox.SendReport.class, () -> org.crmkit.mailing.outbox.SendReport.NOTHING);
        sample(org.crmkit.messaging.DeliveryReceipt.class, () -> new org.crmkit.messaging.DeliveryReceipt("id",
                org.crmkit.messaging.DeliveryStatus.DELIVERED, Instant.parse("2024-01-15T10:00:00Z")));
        sample(org.crmkit.messaging.DeliveryStatus.class, () -> org.crmkit.messaging.DeliveryStatus.DELIVERED);
        sample(org.crmkit.messaging.email.EmailSender.class, () -> email);
        sample(org.crmkit.messaging.sms.SmsGateway.class, () -> sms);
        sample(java.util.concurrent.Executor.class, () -> (java.util.concurrent.Executor) Runnable::run);
        sample(org.crmkit.usecase.CrmContext.class, () -> null);
    }

    private void mailTemplateSamples() {
        org.crmkit.mailing.template.TemplateVocabulary vocabulary = org.crmkit.mailing.template.TemplateVocabulary.standard();
        org.crmkit.mailing.template.EmailTemplate email = org.crmkit.mailing.template.EmailTemplate.of(vocabulary, "Скидка",
                "Добрый день, {{person.firstName}}!", "<p>{{client.shortName}}</p>");
        org.crmkit.mailing.recipient.Audience audience = org.crmkit.mailing.recipient.Audience.ofRule(Criterion.all());
        sample(org.crmkit.mailing.template.MailTemplates.class, () -> crm.mailTemplates());
        sample(org.crmkit.mailing.template.TemplateVocabulary.class, () -> vocabulary);
        sample(org.crmkit.mailing.template.EmailTemplate.class, () -> email);
        sample(org.crmkit.mailing.template.SmsTemplate.class, () -> org.crmkit.mailing.template.SmsTemplate.of(vocabulary, "Скидка"));
        sample(org.crmkit.mailing.template.MessageTemplate.class, () -> email);
        sample(org.crmkit.mailing.template.TemplateText.class, () -> email.textBody());
        sample(org.crmkit.mailing.template.TemplateText.Escaping.class, () -> org.crmkit.mailing.template.TemplateText.Escaping.NONE);
        sample(org.crmkit.mailing.template.Personalisation.class, () -> org.crmkit.mailing.template.Personalisation.of(
                crm.clients().get(client.id()), Optional.empty(), Optional.empty()));
        sample(org.crmkit.mailing.template.RenderedEmail.class, () -> new org.crmkit.mailing.template.RenderedEmail("s", "t", Optional.empty()));
        sample(org.crmkit.mailing.template.RenderedSms.class, () -> org.crmkit.mailing.template.RenderedSms.of("t"));
        sample(org.crmkit.messaging.sms.SmsParts.class, () -> org.crmkit.messaging.sms.SmsParts.of("t"));
        sample(org.crmkit.mailing.recipient.Recipients.class, () -> crm.recipients());
        sample(org.crmkit.mailing.recipient.Audience.class, () -> audience);
        sample(org.crmkit.mailing.recipient.ChannelChoice.class, () -> org.crmkit.mailing.recipient.ChannelChoice.only(
                org.crmkit.consent.Channel.EMAIL));
        sample(org.crmkit.mailing.recipient.Audience.Visitor.class, () -> (org.crmkit.mailing.recipient.Audience.Visitor<Object>) r -> r);
        sample(org.crmkit.mailing.recipient.RecipientQuery.class, () -> org.crmkit.mailing.recipient.RecipientQuery.of(audience,
                org.crmkit.mailing.recipient.Addressee.CLIENT, org.crmkit.mailing.recipient.ChannelChoice.only(org.crmkit.consent.Channel.EMAIL)));
        sample(org.crmkit.mailing.recipient.RecipientSink.class, () -> new org.crmkit.mailing.recipient.RecipientSink() {
            @Override
            public void recipient(org.crmkit.mailing.recipient.Recipient recipient) {
            }

            @Override
            public void excluded(org.crmkit.mailing.recipient.Exclusion exclusion) {
            }
        });
        sample(org.crmkit.consent.QuietHours.class, () -> org.crmkit.consent.QuietHours.between(java.time.LocalTime.of(21, 0),
                java.time.LocalTime.of(9, 0)));
        sample(org.crmkit.mailing.recipient.ChannelChoice.Only.class, () -> new org.crmkit.mailing.recipient.ChannelChoice.Only(
                org.crmkit.consent.Channel.SMS));
        sample(org.crmkit.mailing.recipient.ChannelChoice.Preferred.class, () -> new org.crmkit.mailing.recipient.ChannelChoice.Preferred(
                org.crmkit.consent.Channel.EMAIL));
        sample(org.crmkit.mailing.recipient.Resolution.class, () -> new org.crmkit.mailing.recipient.Resolution(0, Map.of(), 0, 1));
        sample(org.crmkit.client.PreferredChannel.class, () -> org.crmkit.client.PreferredChannel.SMS);
    }

    private void segmentSamples() {
        sample(org.crmkit.segment.RuleNames.Builder.class, org.crmkit.segment.RuleNames::builder);
        sample(org.crmkit.segment.RuleNames.class, () -> org.crmkit.segment.RuleNames.builder().build());
        sample(org.crmkit.segment.RuleText.class, () -> org.crmkit.segment.RuleText.with(org.crmkit.segment.RuleNames.builder().build()));
        sample(org.crmkit.segment.SegmentRules.class, () -> crm.segmentRules());
        sample(org.crmkit.segment.json.LeafFamily.class, org.crmkit.segment.json.LeafCodecs::client);
        sample(com.fasterxml.jackson.databind.JsonNode.class, () -> com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("format", org.crmkit.segment.json.RuleJson.FORMAT).set("rule",
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "all")));
    }

    private void consentSamples() {
        org.crmkit.consent.ConsentSubject subject = org.crmkit.consent.ConsentSubject.client(client.id());
        org.crmkit.consent.ConsentKey key = crm.consents().key(subject, org.crmkit.consent.Channel.SMS, org.crmkit.consent.Purpose.MARKETING,
                "+79161234567");
        org.crmkit.consent.ConsentEntry entry = crm.consents().grant(key, org.crmkit.consent.ConsentSource.PAPER, org.crmkit.consent.Proof.none());
        org.crmkit.consent.ConsentAddress address = key.address();
        org.crmkit.consent.Suppression suppression = new org.crmkit.consent.Suppression(address,
                org.crmkit.consent.SuppressionReason.COMPLAINT, Optional.empty(), Instant.parse("2024-01-15T10:00:00Z"), "alekseev");
        sample(org.crmkit.consent.Consents.class, () -> crm.consents());
        sample(org.crmkit.consent.ConsentSubject.class, () -> subject);
        sample(org.crmkit.consent.ConsentKey.class, () -> key);
        sample(org.crmkit.consent.ConsentAddress.class, () -> address);
        sample(org.crmkit.consent.ConsentAddress.Kind.class, () -> org.crmkit.consent.ConsentAddress.Kind.PHONE);
        sample(org.crmkit.consent.Channel.class, () -> org.crmkit.consent.Channel.SMS);
        sample(org.crmkit.consent.Purpose.class, () -> org.crmkit.consent.Purpose.MARKETING);
        sample(org.crmkit.consent.ConsentSource.class, () -> org.crmkit.consent.ConsentSource.PAPER);
        sample(org.crmkit.consent.ConsentState.class, () -> org.crmkit.consent.ConsentState.GRANTED);
        sample(org.crmkit.consent.Standing.class, () -> org.crmkit.consent.Standing.GRANTED);
        sample(org.crmkit.consent.SuppressionReason.class, () -> org.crmkit.consent.SuppressionReason.COMPLAINT);
        sample(org.crmkit.consent.Proof.class, org.crmkit.consent.Proof::none);
        sample(org.crmkit.consent.ConsentEntry.class, () -> entry);
        sample(org.crmkit.consent.ConsentEntryId.class, () -> entry.id());
        sample(org.crmkit.consent.ConsentStatus.class, () -> crm.consents().status(key));
        sample(org.crmkit.consent.Suppression.class, () -> suppression);
        sample(org.crmkit.consent.Withdrawal.class, () -> crm.consents().withdraw(key, org.crmkit.consent.ConsentSource.CALL,
                org.crmkit.consent.Proof.none()));
        sample(org.crmkit.consent.PendingConfirmation.class, () -> new org.crmkit.consent.PendingConfirmation("0".repeat(64), entry.id(),
                Instant.parse("2024-01-15T10:00:00Z"), Optional.empty()));
        sample(org.crmkit.consent.ConfirmationRequest.class, () -> new org.crmkit.consent.ConfirmationRequest(entry, "token"));
        sample(org.crmkit.consent.ProofExport.class, () -> crm.consents().proof(subject));
        sample(org.crmkit.consent.ConsentCriterion.class, () -> new org.crmkit.consent.ConsentCriterion.For(org.crmkit.consent.Channel.SMS,
                org.crmkit.consent.Purpose.MARKETING));
        sample(org.crmkit.consent.SuppressionCriterion.class, () -> new org.crmkit.consent.SuppressionCriterion.ReasonIn(
                Set.of(org.crmkit.consent.SuppressionReason.COMPLAINT)));
    }

    private void savedSegmentSamples() {
        org.crmkit.segment.Segment list = crm.segments().freeze("Рассылка", Criterion.all());
        sample(org.crmkit.segment.Segments.class, () -> crm.segments());
        sample(org.crmkit.segment.Segment.class, () -> list);
        sample(org.crmkit.segment.SegmentId.class, () -> list.id());
        sample(org.crmkit.segment.SegmentKind.class, () -> org.crmkit.segment.SegmentKind.LIST);
        sample(org.crmkit.segment.SegmentMember.class, () -> new org.crmkit.segment.SegmentMember(client.id(), "alekseev",
                Instant.parse("2024-01-15T12:00:00Z")));
        sample(org.crmkit.segment.SegmentCriterion.class, () -> new org.crmkit.segment.SegmentCriterion.InList(list.id()));
    }

    private void surveySamples() {
        org.crmkit.survey.Question nps = org.crmkit.survey.Question.scale10("nps", "Порекомендуете ли вы нас?", true);
        org.crmkit.survey.Template template = crm.surveys().addTemplate("После сделки", List.of(nps));
        org.crmkit.survey.Answer answer = org.crmkit.survey.Answer.score("nps", 9);
        org.crmkit.survey.Response response = crm.surveys().record(template.id(), template.revision(), client.id(), Optional.empty(),
                Optional.empty(), EmployeeId.of("alekseev"), Instant.parse("2024-01-15T12:00:00Z"), List.of(answer));
        org.crmkit.survey.ScoreQuery query = org.crmkit.survey.ScoreQuery.monthly(template.id(), "nps", java.time.YearMonth.of(2024, 1),
                java.time.YearMonth.of(2024, 3), java.time.ZoneOffset.UTC, org.crmkit.survey.ScoreQuery.By.PERIOD);
        sample(org.crmkit.survey.Surveys.class, () -> crm.surveys());
        sample(org.crmkit.survey.Question.class, () -> nps);
        sample(org.crmkit.survey.QuestionKind.class, () -> org.crmkit.survey.QuestionKind.SCALE_0_10);
        sample(org.crmkit.survey.Template.class, () -> crm.surveys().template(template.id()).orElseThrow());
        sample(org.crmkit.survey.TemplateId.class, () -> template.id());
        sample(org.crmkit.survey.Answer.class, () -> answer);
        sample(org.crmkit.survey.Response.class, () -> response);
        sample(org.crmkit.survey.ResponseId.class, () -> response.id());
        sample(org.crmkit.survey.ScoreQuery.class, () -> query);
        sample(org.crmkit.survey.ScoreQuery.By.class, () -> org.crmkit.survey.ScoreQuery.By.PERIOD);
        sample(org.crmkit.survey.ScoreReport.class, () -> crm.surveys().scores(query));
        sample(org.crmkit.survey.LastScore.class, () -> new org.crmkit.survey.LastScore(client.id(), template.id(), "nps", 9));
        sample(org.crmkit.survey.SurveyCriterion.class, () -> new org.crmkit.survey.SurveyCriterion.ScoreBetween(template.id(), "nps", 9, 10));
    }

    private void interactionSamples() {
        org.crmkit.interaction.Timing hour = org.crmkit.interaction.Timing.timed(Instant.parse("2024-01-15T10:00:00Z"),
                Instant.parse("2024-01-15T11:00:00Z"));
        // a new planned interaction for every call, so that one call's verb does not make the next one's copy stale
        Supplier<org.crmkit.interaction.Interaction> planned = () -> crm.interactions().plan(org.crmkit.interaction.InteractionKind.MEETING,
                "Встреча", hour, EmployeeId.of("alekseev"), i -> i.withParticipants(List.of(org.crmkit.interaction.Participant.of(client.id()))))
                .interaction();
        sample(org.crmkit.interaction.Interactions.class, () -> crm.interactions());
        sample(org.crmkit.interaction.Interaction.class, planned::get);
        Supplier<org.crmkit.interaction.Interaction> series = () -> crm.interactions().plan(org.crmkit.interaction.InteractionKind.MEETING,
                "Планёрка", hour, EmployeeId.of("alekseev"), i -> i.repeat(org.crmkit.interaction.Recurrence.of("FREQ=WEEKLY;COUNT=3")))
                .interaction();
        sample(org.crmkit.interaction.Recurrence.class, () -> org.crmkit.interaction.Recurrence.of("FREQ=WEEKLY;COUNT=3"));
        sample(org.crmkit.interaction.OccurrenceId.class, () -> new org.crmkit.interaction.OccurrenceId(series.get().id(), hour.startKey()));
        sample(org.crmkit.interaction.OccurrenceOverride.class, () -> new org.crmkit.interaction.OccurrenceOverride(
                new org.crmkit.interaction.OccurrenceId(series.get().id(), hour.startKey()), hour,
                org.crmkit.interaction.InteractionState.DONE, Optional.empty(), Optional.empty(), 0));
        sample(org.crmkit.interaction.Occurrence.class, () -> org.crmkit.interaction.Occurrence.single(planned.get()));
        sample(org.crmkit.interaction.Series.class, () -> crm.interactions().occurrences().series(series.get().id()));
        sample(org.crmkit.interaction.Occurrences.class, () -> crm.interactions().occurrences());
        sample(org.crmkit.interaction.Occurrences.Split.class, () -> new org.crmkit.interaction.Occurrences.Split(planned.get(), planned.get()));
        sample(org.crmkit.interaction.InteractionId.class, () -> planned.get().id());
        sample(org.crmkit.interaction.InteractionKind.class, () -> org.crmkit.interaction.InteractionKind.MEETING);
        sample(org.crmkit.interaction.Timing.class, () -> hour);
        sample(org.crmkit.interaction.Participant.class, () -> org.crmkit.interaction.Participant.of(client.id()));
        sample(org.crmkit.interaction.CalendarPeriod.class, () -> org.crmkit.interaction.CalendarPeriod.month(java.time.YearMonth.of(2024, 1),
                java.time.ZoneOffset.UTC));
        sample(org.crmkit.interaction.InteractionQuery.class, () -> org.crmkit.interaction.InteractionQuery.where(Criterion.all()));
        sample(org.crmkit.interaction.InteractionCriterion.class, () -> new org.crmkit.interaction.InteractionCriterion.StateIn(Set.of()));
        sample(java.time.ZoneId.class, () -> java.time.ZoneOffset.UTC);
        sample(java.time.ZonedDateTime.class, () -> java.time.ZonedDateTime.of(2024, 1, 15, 10, 0, 0, 0, java.time.ZoneOffset.UTC));
        sample(org.crmkit.property.PropertyCondition.class, () -> new org.crmkit.property.PropertyCondition.Filled());
        sample(org.crmkit.property.PropertyCondition.WithinLastDays.class, () -> new org.crmkit.property.PropertyCondition.WithinLastDays(30));
        sample(org.crmkit.interaction.InteractionCriterion.StartedWithinLastDays.class, () -> new org.crmkit.interaction.InteractionCriterion.StartedWithinLastDays(30));
        sample(org.crmkit.property.PropertyCondition.MoreThanDaysAgo.class, () -> new org.crmkit.property.PropertyCondition.MoreThanDaysAgo(30));
        sample(java.time.YearMonth.class, () -> java.time.YearMonth.of(2024, 1));
        sample(org.crmkit.interaction.Reminders.class, () -> crm.interactions().reminders());
        sample(org.crmkit.interaction.ReminderId.class, () -> new org.crmkit.interaction.ReminderId(new java.util.UUID(0, 2)));
        sample(org.crmkit.interaction.Reminder.class, () -> org.crmkit.interaction.Reminder.pending(
                new org.crmkit.interaction.ReminderId(new java.util.UUID(0, 2)), planned.get().id(), EmployeeId.of("alekseev"),
                Instant.parse("2024-01-15T09:45:00Z")));
        sample(org.crmkit.interaction.Lease.class, () -> new org.crmkit.interaction.Lease(new java.util.UUID(0, 3),
                Instant.parse("2024-01-15T09:50:00Z")));
        sample(java.time.Duration.class, () -> java.time.Duration.ofMinutes(5));
        // consent: unsubscribe tokens and their keys
        org.crmkit.consent.SigningKey signingKey = org.crmkit.consent.SigningKey.of("k1", new byte[32]);
        org.crmkit.consent.SigningKeys signingKeys = org.crmkit.consent.SigningKeys.current(signingKey);
        org.crmkit.consent.ConsentSubject consentSubject = org.crmkit.consent.ConsentSubject.client(client.id());
        org.crmkit.consent.UnsubscribeTokens unsubscribeTokens = org.crmkit.consent.UnsubscribeTokens.of(signingKeys,
                java.time.Duration.ofDays(60), java.time.Clock.fixed(Instant.parse("2024-01-15T10:00:00Z"), java.time.ZoneOffset.UTC));
        org.crmkit.consent.UnsubscribeToken unsubscribeToken = new org.crmkit.consent.UnsubscribeToken(TenantId.of("nulls"), consentSubject,
                org.crmkit.consent.Channel.EMAIL, org.crmkit.consent.Purpose.MARKETING, "a@b.ru", Optional.empty(),
                Instant.parse("2024-01-15T09:00:00Z"));
        sample(byte.class, () -> (byte) 1);
        sample(org.crmkit.consent.SigningKey.class, () -> org.crmkit.consent.SigningKey.of("k2", new byte[33]));
        sample(org.crmkit.consent.SigningKeys.class, () -> signingKeys);
        sample(org.crmkit.consent.SigningKeys.Retired.class, () -> new org.crmkit.consent.SigningKeys.Retired(signingKey,
                Instant.parse("2024-01-15T10:00:00Z")));
        sample(org.crmkit.consent.UnsubscribeTokens.class, () -> unsubscribeTokens);
        sample(org.crmkit.messaging.email.Mailbox.class, () -> org.crmkit.messaging.email.Mailbox.of("shop@example.ru"));
        sample(org.crmkit.mailing.SenderSettings.class, () -> new org.crmkit.mailing.SenderSettings(
                org.crmkit.messaging.email.Mailbox.of("shop@example.ru"), "Shop", unsubscribeTokens,
                org.crmkit.consent.UnsubscribeHeaders.of("https://crm.example.ru/u/", "unsubscribe@example.ru")));
        sample(org.crmkit.mailing.StoredTemplate.class, () -> new org.crmkit.mailing.StoredTemplate(org.crmkit.consent.Channel.SMS,
                Optional.empty(), "Скидка", Optional.empty()));
        sample(org.crmkit.consent.UnsubscribeToken.class, () -> unsubscribeToken);
        sample(org.crmkit.consent.UnsubscribeHeaders.class, () -> org.crmkit.consent.UnsubscribeHeaders.of("https://crm.example.ru/u/",
                "unsubscribe@crm.example.ru"));
        sample(java.net.URI.class, () -> java.net.URI.create("https://crm.example.ru/u/"));
        sample(org.crmkit.consent.QuietHours.class, () -> org.crmkit.consent.QuietHours.between(java.time.LocalTime.of(21, 0),
                java.time.LocalTime.of(9, 0)));
        sample(java.time.LocalTime.class, () -> java.time.LocalTime.of(12, 0));
    }

    private void sample(Class<?> type, Supplier<Object> value) {
        samples.put(type, value);
    }

    /** The public classes of the host's API, read off the compiled classes of crm-core. */
    private static List<Class<?>> apiClasses() throws IOException, URISyntaxException {
        Path root = Path.of(Crm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(f -> root.relativize(f).toString()).filter(f -> f.endsWith(".class") && !f.contains("package-info"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .map(NullInputsTest::load)
                    .filter(c -> API_PACKAGES.contains(c.getPackageName()) && isPublic(c) && !Throwable.class.isAssignableFrom(c)
                            && !org.crmkit.common.DomainEvent.class.isAssignableFrom(c) && !PLUMBING_CLASSES.contains(c.getSimpleName()))
                    .sorted(Comparator.comparing(Class::getName)).collect(Collectors.toList());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NullInputsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    /** The methods and constructors a host calls with arguments: not Object's, not a visitor's plumbing, not an SPI's. */
    private static List<Executable> callables(Class<?> type) {
        List<Executable> found = new ArrayList<>();
        if (!type.isInterface() && !type.isEnum() && !Modifier.isAbstract(type.getModifiers())) {
            // a use case is made by Crm over its context, which no host builds
            Arrays.stream(type.getConstructors()).filter(c -> !Arrays.asList(c.getParameterTypes()).contains(CrmContext.class))
                    .forEach(found::add);
        }
        for (Method m : type.getDeclaredMethods()) {
            if (type.isInterface() && !Modifier.isStatic(m.getModifiers()) && !Criterion.class.equals(type)) {
                continue; // an SPI's default methods are called by crmkit, not by a host (criteria aside)
            }
            boolean plumbing = Set.of("equals", "accept", "fold", "test", "matches", "compareTo", "valueOf").contains(m.getName());
            plumbing |= PLUMBING_METHODS.contains(m.getName());
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !plumbing
                    && (Modifier.isStatic(m.getModifiers()) || !Modifier.isAbstract(m.getModifiers()))) {
                found.add(m);
            }
        }
        found.removeIf(e -> Arrays.stream(e.getParameterTypes()).allMatch(Class::isPrimitive));
        found.sort(Comparator.comparing(NullInputsTest::name));
        return found;
    }

    private static String name(Executable e) {
        return e.getDeclaringClass().getName().replace("org.crmkit.", "") + "." + (e instanceof Constructor ? "new" : e.getName())
                + Arrays.stream(e.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    private Object sampleOf(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 1;
        }
        if (type.isArray()) {
            Object array = Array.newInstance(type.getComponentType(), 1);
            Array.set(array, 0, sampleOf(type.getComponentType()));
            return array;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        Supplier<Object> sample = samples.get(type);
        if (sample == null) {
            throw new MissingSample("no sample value of " + type.getName() + ": add one to NullInputsTest");
        }
        return sample.get();
    }

    /** Arguments for {@code e} with which the call goes through (no {@link ValidationException}), if any such are found. */
    private Optional<Object[]> validArguments(Executable e) {
        Class<?>[] types = e.getParameterTypes();
        List<Integer> texts = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == String.class) {
                texts.add(i);
            }
        }
        int combinations = (int) Math.min(400, Math.pow(TEXTS.size(), texts.size()));
        // first arguments that go through, else arguments refused for another reason (an id not found)
        for (boolean anyOutcome : new boolean[]{false, true}) {
            for (int n = 0; n < combinations; n++) {
                Object[] args = samplesFor(e);
                int rest = n;
                for (int position : texts) {
                    args[position] = TEXTS.get(rest % TEXTS.size());
                    rest /= TEXTS.size();
                }
                Object outcome = outcome(e, args.clone());
                if (anyOutcome ? !(outcome instanceof ValidationException) : !(outcome instanceof Throwable)) {
                    return Optional.of(args);
                }
            }
        }
        return Optional.empty();
    }

    private Object[] samplesFor(Executable e) {
        Object[] args = new Object[e.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = sampleOf(e.getParameterTypes()[i]);
        }
        return args;
    }

    /** What the call threw, or its result. */
    private Object outcome(Executable e, Object[] args) {
        try {
            Object target = e instanceof Method && !Modifier.isStatic(e.getModifiers()) ? sampleOf(e.getDeclaringClass()) : null;
            Object result = e instanceof Constructor ? ((Constructor<?>) e).newInstance(args) : ((Method) e).invoke(target, args);
            if (result instanceof Stream) {
                ((Stream<?>) result).close();
            }
            return result == null ? "returned" : result;
        } catch (InvocationTargetException thrown) {
            return thrown.getCause();
        } catch (ReflectiveOperationException | IllegalArgumentException reflection) {
            return new IllegalStateException("cannot call: " + reflection);
        }
    }

    /**
     * What happened when {@code e} was called with {@code null} at {@code index} (or in the array
     * there), the other arguments valid: empty when it was refused as it should be.
     */
    private Optional<String> escapeOf(Executable e, int index, boolean inArray) {
        if (PLUMBING_METHODS.contains(key(e, index))) {
            return Optional.empty();
        }
        Object[] args;
        boolean valid;
        try {
            Optional<Object[]> found = validArguments(e);
            valid = found.isPresent();
            args = found.orElseGet(() -> samplesFor(e));
        } catch (CrmException | MissingSample setUp) {
            return Optional.of(name(e) + ": could not make its samples: " + setUp.getMessage());
        }
        if (inArray) {
            Array.set(args[index], 0, null);
        } else {
            args[index] = null;
        }
        String call = name(e) + " with null " + (inArray ? "in the array " : "") + "at argument " + index;
        Object outcome = outcome(e, args);
        if (outcome instanceof ValidationException) {
            ValidationException refused = (ValidationException) outcome;
            // with valid other arguments, the refusal must be of the null (the rejected value)
            boolean ofTheNull = !valid || refused.rejectedValue() == null;
            return !refused.field().isBlank() && ofTheNull ? Optional.empty() : Optional.of(call + ": refused another value: " + refused);
        }
        if (outcome instanceof Throwable) {
            return Optional.of(call + ": " + outcome);
        }
        return NULL_MEANS_NONE.contains(key(e, index)) ? Optional.empty() : Optional.of(call + ": accepted");
    }

    static String key(Executable e, int index) {
        return e.getDeclaringClass().getSimpleName() + "." + (e instanceof Constructor ? "new" : e.getName()) + "#" + index;
    }

    /** Every escape of the callables of {@code types}. */
    private Set<String> escapes(List<Class<?>> types) {
        Set<String> escapes = new TreeSet<>();
        for (Class<?> type : types) {
            for (Executable e : callables(type)) {
                Class<?>[] parameterTypes = e.getParameterTypes();
                for (int i = 0; i < parameterTypes.length; i++) {
                    if (parameterTypes[i].isPrimitive()) {
                        continue;
                    }
                    escapeOf(e, i, false).ifPresent(escapes::add);
                    if (parameterTypes[i].isArray() && !parameterTypes[i].getComponentType().isPrimitive()) {
                        escapeOf(e, i, true).ifPresent(escapes::add);
                    }
                }
            }
        }
        return escapes;
    }

    @Test
    void everyPublicBuilderMethodAndVerbAnswersNullWithAValidationExceptionNamingTheField() throws Exception {
        List<Class<?>> api = apiClasses();
        assertThat(api).contains(NewClient.class, Client.class, Crm.Builder.class, org.crmkit.client.Clients.class, ClientQuery.class);

        Set<String> escapes = escapes(api);
        assertThat(escapes).as(String.join("\n", escapes)).isEmpty();
    }

    @Test
    void aPlantedNullPointerExceptionIsCaught() {
        sample(Planted.class, Planted::new);

        assertThat(escapes(List.of(Planted.class))).satisfiesExactly(
                e -> assertThat(e).startsWith("nulls.NullInputsTest$Planted.choice(String, String[]) with null at argument 1: "
                        + "java.lang.NullPointerException"),
                e -> assertThat(e).startsWith("nulls.NullInputsTest$Planted.choice(String, String[]) with null in the array at argument 1: "
                        + "java.lang.NullPointerException"),
                e -> assertThat(e).isEqualTo("nulls.NullInputsTest$Planted.name(String) with null at argument 0: accepted"));
    }

    /** A type the test has no sample of yet. */
    private static final class MissingSample extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingSample(String message) {
            super(message);
        }
    }

    /** A builder with the defect of issue 12: {@code List.of} on the labels, and a null taken silently. */
    public static final class Planted {
        private String name;

        public Planted choice(String key, String... labels) {
            if (key == null) {
                throw new ValidationException("key", null, "is required");
            }
            List.of(labels);
            return this;
        }

        public Planted name(String value) {
            this.name = value;
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
