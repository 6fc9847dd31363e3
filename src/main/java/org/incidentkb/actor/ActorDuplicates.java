package org.incidentkb.actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentkb.actor.ActorApi.DuplicatePair;
import org.incidentkb.common.Names;
import org.incidentkb.common.Ref;

/**
 * Likely duplicate actors: pairs whose names or aliases share their normalised form ({@link Names#matchKey}, score
 * 1), where one is the other's acronym ("IS" and "Islamic State", 0.8), or whose words mostly agree (0.9 times the
 * share of words in common). Candidates come from indexes by form, acronym and word, never from all pairs; a word
 * that many actors use ("forces") proposes no pair on its own.
 */
@ApplicationScoped
public class ActorDuplicates {

    /** A word used by more actors than this is too common to propose pairs. */
    static final int COMMON_WORD = 50;

    private final ActorRepository actors;

    public ActorDuplicates(ActorRepository actors) {
        this.actors = actors;
    }

    /** An actor's names (its name first, then its aliases) as the finder reads them. */
    record Named(long id, String name, List<String> names) {
    }

    /** Pairs scoring at least {@code minScore}, best first, at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DuplicatePair> find(double minScore, int limit) {
        return pairs(load(), minScore, limit);
    }

    private List<Named> load() {
        List<Named> out = new ArrayList<>();
        actors.namesById().forEach((id, names) -> out.add(new Named(id, names.get(0), names)));
        return out;
    }

    static List<DuplicatePair> pairs(List<Named> actors, double minScore, int limit) {
        Map<String, Set<Named>> byKey = new HashMap<>();
        Map<String, Set<Named>> byAcronym = new HashMap<>();
        Map<String, Set<Named>> byWord = new HashMap<>();
        for (Named a : actors) {
            for (String name : a.names()) {
                add(byKey, Names.matchKey(name), a);
                add(byAcronym, Names.acronym(name), a);
                Names.tokens(name).stream().filter(w -> w.length() >= 3).forEach(w -> add(byWord, w, a));
            }
        }
        Map<List<Long>, Candidate> found = new HashMap<>();
        byKey.values().forEach(group -> propose(found, group, group, 1.0, "SAME_NORMALISED_NAME"));
        byAcronym.forEach((acronym, group) -> propose(found, group, byKey.getOrDefault(acronym, Set.of()), 0.8,
                "ACRONYM"));
        for (Set<Named> group : byWord.values()) {
            if (group.size() <= COMMON_WORD) {
                for (Named a : group) {
                    for (Named b : group) {
                        if (a.id() < b.id()) {
                            double share = bestWordShare(a, b);
                            propose(found, Set.of(a), Set.of(b), 0.9 * share, "SHARED_WORDS");
                        }
                    }
                }
            }
        }
        return found.values().stream().filter(c -> c.score >= minScore)
                .sorted(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparing(c -> c.a.id())
                        .thenComparing(c -> c.b.id()))
                .limit(limit)
                .map(c -> new DuplicatePair(Ref.of(c.a.id(), c.a.name()), Ref.of(c.b.id(), c.b.name()),
                        Math.round(c.score * 100) / 100.0, List.copyOf(c.reasons)))
                .toList();
    }

    private static final class Candidate {
        final Named a;
        final Named b;
        double score;
        final Set<String> reasons = new LinkedHashSet<>();

        Candidate(Named a, Named b) {
            this.a = a;
            this.b = b;
        }
    }

    private static void add(Map<String, Set<Named>> index, String key, Named actor) {
        if (key != null) {
            index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(actor);
        }
    }

    private static void propose(Map<List<Long>, Candidate> found, Set<Named> left, Set<Named> right, double score,
            String reason) {
        for (Named x : left) {
            for (Named y : right) {
                if (x.id() == y.id() || score <= 0) {
                    continue;
                }
                Named a = x.id() < y.id() ? x : y;
                Named b = a == x ? y : x;
                Candidate c = found.computeIfAbsent(List.of(a.id(), b.id()), k -> new Candidate(a, b));
                if (score > c.score) {
                    c.score = score;
                }
                if (score >= 0.5) {
                    c.reasons.add(reason);
                }
            }
        }
    }

    /** The largest share of words two of their names have in common (Jaccard). */
    private static double bestWordShare(Named a, Named b) {
        double best = 0;
        for (String x : a.names()) {
            Set<String> wx = Names.tokens(x);
            for (String y : b.names()) {
                Set<String> wy = Names.tokens(y);
                Set<String> both = new HashSet<>(wx);
                both.retainAll(wy);
                Set<String> either = new HashSet<>(wx);
                either.addAll(wy);
                if (!either.isEmpty()) {
                    best = Math.max(best, (double) both.size() / either.size());
                }
            }
        }
        return best;
    }
}
