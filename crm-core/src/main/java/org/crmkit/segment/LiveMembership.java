package org.crmkit.segment;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.common.ClientId;
import org.crmkit.usecase.UnitOfWork;

/**
 * One refresh of live membership inside a unit of work: the tenant's sound dynamic rules are read
 * once, then for each changed client its card once, every rule evaluated in memory
 * ({@link ClientCriterion#matches}) with related leaves probed once each ({@link Segments.Probing}),
 * the result compared with its membership rows, the difference written and the events published.
 */
final class LiveMembership {
    private final UnitOfWork work;

    LiveMembership(UnitOfWork work) {
        this.work = work;
    }

    void refresh(Set<ClientId> clients) {
        SegmentStore store = work.store(SegmentStore.class);
        RuleProblems rules = new RuleProblems(work.stores());
        List<Segment> dynamic = store.all().stream()
                .filter(s -> s.kind() == SegmentKind.DYNAMIC && rules.problems(s.rule()).isEmpty())
                .collect(Collectors.toList());
        if (dynamic.isEmpty()) {
            return;
        }
        ClientStore clientStore = work.store(ClientStore.class);
        for (ClientId id : clients) {
            Optional<Client> client = clientStore.get(id);
            Set<SegmentId> now = new HashSet<>();
            if (client.isPresent()) {
                Segments.Probing related = new Segments.Probing(clientStore);
                for (Segment segment : dynamic) {
                    if (ClientCriterion.matches(Segments.readNow(work, segment.rule()), client.get(), related)) {
                        now.add(segment.id());
                    }
                }
            }
            Set<SegmentId> considered = dynamic.stream().map(Segment::id).collect(Collectors.toSet());
            Set<SegmentId> before = new HashSet<>(store.membershipOf(id));
            before.retainAll(considered);
            Set<SegmentId> entered = new HashSet<>(now);
            entered.removeAll(before);
            Set<SegmentId> left = new HashSet<>(before);
            left.removeAll(now);
            if (!entered.isEmpty() || !left.isEmpty()) {
                store.changeMembership(id, entered, left);
                entered.forEach(s -> publish(work, s, Set.of(id), Set.of()));
                left.forEach(s -> publish(work, s, Set.of(), Set.of(id)));
            }
        }
    }

    static void publish(UnitOfWork work, SegmentId segment, Set<ClientId> entered, Set<ClientId> left) {
        entered.forEach(c -> work.publish(new SegmentEvent.Entered(work.actor().tenant(), segment, c, work.now(), work.actor().name())));
        left.forEach(c -> work.publish(new SegmentEvent.Left(work.actor().tenant(), segment, c, work.now(), work.actor().name())));
    }
}
