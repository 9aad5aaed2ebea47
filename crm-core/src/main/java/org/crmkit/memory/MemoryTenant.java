package org.crmkit.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.crmkit.audit.AuditEntry;
import org.crmkit.client.Client;
import org.crmkit.client.ClientGroup;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.contract.BankAccount;
import org.crmkit.contract.BankAccountId;
import org.crmkit.contract.Contract;
import org.crmkit.contract.ContractId;
import org.crmkit.ledger.ClientClass;
import org.crmkit.ledger.Fact;
import org.crmkit.ledger.FactKey;
import org.crmkit.deal.Deal;
import org.crmkit.deal.DealId;
import org.crmkit.deal.LostReason;
import org.crmkit.deal.LostReasonId;
import org.crmkit.deal.Pipeline;
import org.crmkit.deal.PipelineId;
import org.crmkit.feed.FeedEntry;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.Reminder;
import org.crmkit.interaction.ReminderId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.survey.Response;
import org.crmkit.survey.ResponseId;
import org.crmkit.survey.Template;
import org.crmkit.survey.TemplateId;

/** One tenant's records, guarded by its lock. */
final class MemoryTenant {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final Map<ClientId, Client> clients = new LinkedHashMap<>();
    final Map<String, ClientId> codes = new HashMap<>();
    final Map<ContactPersonId, ContactPerson> persons = new LinkedHashMap<>();
    final Map<ClientGroupId, ClientGroup> groups = new LinkedHashMap<>();
    final Map<RelationshipTypeId, RelationshipType> relationshipTypes = new TreeMap<>(Comparator.comparing(RelationshipTypeId::value));
    final Map<PropertyKey, PropertyDefinition> properties = new TreeMap<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final List<FeedEntry> feed = new ArrayList<>();
    long lastCode;
    final Map<DealId, Deal> deals = new LinkedHashMap<>();
    final Map<PipelineId, Pipeline> pipelines = new LinkedHashMap<>();
    final Map<LostReasonId, LostReason> lostReasons = new TreeMap<>(Comparator.comparing(LostReasonId::value));
    long lastDealNumber;
    final Map<InteractionId, Interaction> interactions = new LinkedHashMap<>();
    final Map<org.crmkit.interaction.OccurrenceId, org.crmkit.interaction.OccurrenceOverride> occurrenceOverrides = new LinkedHashMap<>();
    long lastInteractionNumber;
    final Map<ReminderId, Reminder> reminders = new LinkedHashMap<>();
    // contracts, bank accounts, ledger facts
    final Map<ContractId, Contract> contracts = new LinkedHashMap<>();
    final Map<BankAccountId, BankAccount> bankAccounts = new LinkedHashMap<>();
    final Map<FactKey, Fact> facts = new LinkedHashMap<>();
    final Map<ClientId, ClientClass> clientClasses = new LinkedHashMap<>();
    // surveys: current templates, every revision's questions, responses and their scores
    final Map<TemplateId, Template> templates = new LinkedHashMap<>();
    final Map<List<Object>, Template> templateRevisions = new HashMap<>();
    final Map<ResponseId, Response> responses = new LinkedHashMap<>();
    final Map<ResponseId, Map<String, Integer>> responseScores = new HashMap<>();
    // consent: the ledger in append order, the latest entry per key, confirmation tokens by hash, suppressions, purposes by key
    final Map<org.crmkit.consent.ConsentEntryId, org.crmkit.consent.ConsentEntry> consentEntries = new LinkedHashMap<>();
    final Map<org.crmkit.consent.ConsentKey, org.crmkit.consent.ConsentEntry> consentCurrent = new LinkedHashMap<>();
    final Map<String, org.crmkit.consent.PendingConfirmation> consentConfirmations = new HashMap<>();
    final Map<org.crmkit.consent.ConsentAddress, org.crmkit.consent.Suppression> suppressions = new LinkedHashMap<>();
    final Map<String, org.crmkit.consent.Purpose> purposes = new TreeMap<>();
    // mailings and their outbox (entries by id, ids by mailing and key)
    final Map<org.crmkit.mailing.MailingId, org.crmkit.mailing.Mailing> mailings = new LinkedHashMap<>();
    final Map<org.crmkit.mailing.outbox.OutboxEntryId, org.crmkit.mailing.outbox.OutboxEntry> outbox = new LinkedHashMap<>();
    final Map<List<Object>, org.crmkit.mailing.outbox.OutboxEntryId> outboxKeys = new HashMap<>();
    // segments: the segments, each list's member rows, each client's kept dynamic membership
    final Map<org.crmkit.segment.SegmentId, org.crmkit.segment.Segment> segments = new LinkedHashMap<>();
    final Map<org.crmkit.segment.SegmentId, Map<ClientId, org.crmkit.segment.SegmentMember>> listMembers = new HashMap<>();
    final Map<ClientId, java.util.Set<org.crmkit.segment.SegmentId>> membership = new HashMap<>();
    // a mailing's exclusions by (mailing, client, person uuid or nil, channel name or "")
    final Map<List<Object>, org.crmkit.mailing.recipient.Exclusion> mailingExclusions = new HashMap<>();
    // a mailing's template sources by (mailing, channel)
    final Map<List<Object>, org.crmkit.mailing.StoredTemplate> mailingTemplates = new HashMap<>();
}
