package org.crmkit.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ClientId;
import org.crmkit.common.DuplicateException;
import org.crmkit.criteria.Criterion;
import org.crmkit.segment.Segment;
import org.crmkit.segment.SegmentId;
import org.crmkit.segment.SegmentMember;
import org.crmkit.segment.SegmentStore;

/** Segments, list rows and kept membership in a tenant's maps; rules are evaluated over the maps as the clients store does. */
final class MemorySegmentStore implements SegmentStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemorySegmentStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public Segment insert(Segment segment) {
        unit.writing();
        if (data.segments.values().stream().anyMatch(s -> s.nameKey().equals(segment.nameKey()))) {
            throw new DuplicateException("name", segment.name());
        }
        return unit.insertNew(data.segments, segment.id(), segment.withVersion(1), "id", segment.id());
    }

    @Override
    public Segment update(Segment segment) {
        unit.writing();
        if (data.segments.values().stream().anyMatch(s -> !s.id().equals(segment.id()) && s.nameKey().equals(segment.nameKey()))) {
            throw new DuplicateException("name", segment.name());
        }
        return unit.replaceVersioned(data.segments, segment.id(), segment.version(), Segment::version, segment.withVersion(segment.version() + 1),
                "segment");
    }

    @Override
    public void delete(SegmentId id, long version) {
        unit.writing();
        Segment current = data.segments.get(id);
        MemoryUnit.checkVersion("segment", id, current == null ? -1 : current.version(), version);
        unit.remove(data.segments, id);
        unit.remove(data.listMembers, id);
        for (Map.Entry<ClientId, Set<SegmentId>> e : List.copyOf(data.membership.entrySet())) {
            if (e.getValue().contains(id)) {
                Set<SegmentId> rest = new HashSet<>(e.getValue());
                rest.remove(id);
                unit.put(data.membership, e.getKey(), Set.copyOf(rest));
            }
        }
    }

    @Override
    public Optional<Segment> get(SegmentId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.segments.get(id));
    }

    @Override
    public List<Segment> all() {
        unit.checkOpen();
        return List.copyOf(data.segments.values());
    }

    @Override
    public long freeze(SegmentId list, Criterion<ClientCriterion> where, String by, Instant at) {
        unit.writing();
        MemoryRelations related = new MemoryRelations(data);
        long added = 0;
        for (Client client : List.copyOf(data.clients.values())) {
            if (ClientCriterion.matches(where, client, related) && addMember(list, new SegmentMember(client.id(), by, at))) {
                added++;
            }
        }
        return added;
    }

    @Override
    public boolean addMember(SegmentId list, SegmentMember member) {
        unit.writing();
        Map<ClientId, SegmentMember> rows = rows(list);
        if (rows.containsKey(member.client())) {
            return false;
        }
        unit.put(rows, member.client(), member);
        return true;
    }

    @Override
    public boolean removeMember(SegmentId list, ClientId client) {
        unit.writing();
        Map<ClientId, SegmentMember> rows = rows(list);
        if (!rows.containsKey(client)) {
            return false;
        }
        unit.remove(rows, client);
        return true;
    }

    private Map<ClientId, SegmentMember> rows(SegmentId list) {
        Map<ClientId, SegmentMember> rows = data.listMembers.get(list);
        if (rows == null) {
            rows = new HashMap<>();
            unit.put(data.listMembers, list, rows);
        }
        return rows;
    }

    @Override
    public Optional<SegmentMember> member(SegmentId list, ClientId client) {
        unit.checkOpen();
        return Optional.ofNullable(data.listMembers.getOrDefault(list, Map.of()).get(client));
    }

    @Override
    public long memberCount(SegmentId list) {
        unit.checkOpen();
        return data.listMembers.getOrDefault(list, Map.of()).size();
    }

    @Override
    public Set<SegmentId> membershipOf(ClientId client) {
        unit.checkOpen();
        return data.membership.getOrDefault(client, Set.of());
    }

    @Override
    public void changeMembership(ClientId client, Collection<SegmentId> entered, Collection<SegmentId> left) {
        unit.writing();
        Set<SegmentId> now = new HashSet<>(data.membership.getOrDefault(client, Set.of()));
        now.addAll(entered);
        now.removeAll(left);
        unit.put(data.membership, client, Set.copyOf(now));
    }

    @Override
    public MembershipChange resync(SegmentId segment, Criterion<ClientCriterion> rule) {
        unit.writing();
        MemoryRelations related = new MemoryRelations(data);
        Set<ClientId> entered = new HashSet<>();
        Set<ClientId> left = new HashSet<>();
        for (Client client : List.copyOf(data.clients.values())) {
            boolean was = data.membership.getOrDefault(client.id(), Set.of()).contains(segment);
            boolean is = ClientCriterion.matches(rule, client, related);
            if (is && !was) {
                entered.add(client.id());
                changeMembership(client.id(), Set.of(segment), Set.of());
            } else if (was && !is) {
                left.add(client.id());
                changeMembership(client.id(), Set.of(), Set.of(segment));
            }
        }
        return new MembershipChange(entered, left);
    }
}
