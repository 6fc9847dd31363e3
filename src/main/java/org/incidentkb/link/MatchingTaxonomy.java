package org.incidentkb.link;

import java.util.Map;

/**
 * The taxonomy matching compares event types through (docs/importing-and-matching.md). Imports already put every dataset's
 * codes onto the KB's ACLED-based types, but UCDP and GTD codes are coarser than ACLED's: UCDP's state-based and
 * non-state violence (imported as {@code armed-clash}) also covers air strikes, shelling and bombings; its one-sided
 * violence ({@code attack}) covers bombings and shelling of civilians; GTD's assassination and armed assault
 * ({@code attack}) may be a clash with soldiers. So each incident stands for a set of common kinds, from its dataset
 * and type, and two incidents agree at TYPE level when their sets share a kind, at CATEGORY level when they share a
 * broad class (organised violence, demonstrations, other developments).
 */
final class MatchingTaxonomy {

    static final int ARMED_CLASH = 1;
    static final int REMOTE_VIOLENCE = 1 << 1;
    static final int BOMBING = 1 << 2;
    static final int ATTACK_ON_CIVILIANS = 1 << 3;
    static final int ABDUCTION = 1 << 4;
    static final int DEMONSTRATION = 1 << 5;
    static final int PROPERTY = 1 << 6;
    static final int OTHER_DEVELOPMENT = 1 << 7;

    static final int VIOLENCE = ARMED_CLASH | REMOTE_VIOLENCE | BOMBING | ATTACK_ON_CIVILIANS | ABDUCTION;
    static final int UNREST = DEMONSTRATION;
    static final int OTHER = PROPERTY | OTHER_DEVELOPMENT;

    /** Each KB (ACLED) type's kind. */
    private static final Map<String, Integer> TYPES = Map.ofEntries(
            Map.entry("armed-clash", ARMED_CLASH),
            Map.entry("government-regains-territory", ARMED_CLASH),
            Map.entry("non-state-actor-overtakes-territory", ARMED_CLASH),
            Map.entry("air-drone-strike", REMOTE_VIOLENCE),
            Map.entry("shelling-artillery-missile-attack", REMOTE_VIOLENCE),
            Map.entry("chemical-weapon", REMOTE_VIOLENCE),
            Map.entry("grenade", REMOTE_VIOLENCE),
            Map.entry("suicide-bomb", BOMBING),
            Map.entry("remote-explosive-landmine-ied", BOMBING),
            Map.entry("attack", ATTACK_ON_CIVILIANS),
            Map.entry("sexual-violence", ATTACK_ON_CIVILIANS),
            Map.entry("abduction-forced-disappearance", ABDUCTION),
            Map.entry("peaceful-protest", DEMONSTRATION),
            Map.entry("protest-with-intervention", DEMONSTRATION),
            Map.entry("excessive-force-against-protesters", DEMONSTRATION),
            Map.entry("violent-demonstration", DEMONSTRATION),
            Map.entry("mob-violence", DEMONSTRATION),
            Map.entry("looting-property-destruction", PROPERTY));

    /** Each KB category's kinds, for an incident without a type. */
    private static final Map<String, Integer> CATEGORIES = Map.of(
            "battles", ARMED_CLASH,
            "explosions-remote-violence", REMOTE_VIOLENCE | BOMBING,
            "violence-against-civilians", ATTACK_ON_CIVILIANS | ABDUCTION,
            "protests", DEMONSTRATION,
            "riots", DEMONSTRATION,
            "strategic-developments", PROPERTY | OTHER_DEVELOPMENT);

    private MatchingTaxonomy() {
    }

    /** The kinds an incident of this dataset, type and category may be. */
    static int kinds(String dataset, String type, String category) {
        int kinds = type != null ? TYPES.getOrDefault(type, OTHER_DEVELOPMENT)
                : CATEGORIES.getOrDefault(category, OTHER_DEVELOPMENT);
        if ("UCDP".equals(dataset) && "armed-clash".equals(type)) {
            return ARMED_CLASH | REMOTE_VIOLENCE | BOMBING;
        }
        if ("UCDP".equals(dataset) && "attack".equals(type)) {
            return ATTACK_ON_CIVILIANS | REMOTE_VIOLENCE | BOMBING;
        }
        if ("GTD".equals(dataset)) {
            return switch (type == null ? "" : type) {
                case "attack" -> ATTACK_ON_CIVILIANS | ARMED_CLASH;
                case "suicide-bomb", "remote-explosive-landmine-ied" -> BOMBING | REMOTE_VIOLENCE;
                case "looting-property-destruction" -> PROPERTY | ATTACK_ON_CIVILIANS;
                default -> kinds;
            };
        }
        return kinds;
    }

    /** The broad classes of a set of kinds. */
    static int classes(int kinds) {
        return ((kinds & VIOLENCE) != 0 ? 1 : 0) | ((kinds & UNREST) != 0 ? 2 : 0) | ((kinds & OTHER) != 0 ? 4 : 0);
    }

    /** How far two incidents' kinds agree. */
    static Link.TypeMatch agreement(int a, int b) {
        if ((a & b) != 0) {
            return Link.TypeMatch.TYPE;
        }
        return (classes(a) & classes(b)) != 0 ? Link.TypeMatch.CATEGORY : Link.TypeMatch.NONE;
    }
}
