package org.incidentkb.incident.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.incidentkb.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A pass of the rebuilder walks up the ids once: each batch takes the incidents without a document after the last id
 * the batch before it looked at, and says where it stopped.
 */
@QuarkusTest
class DocumentRebuilderTest {

    @Inject
    DocumentRebuilder rebuilder;

    @Inject
    EntityManager em;

    @Test
    void shouldGoOnAfterTheLastIdLookedAt() {
        List<Long> ids = List.of(Fixtures.incident(Fixtures.unique("Rebuilt")),
                Fixtures.incident(Fixtures.unique("Rebuilt")), Fixtures.incident(Fixtures.unique("Rebuilt")));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from incident_document where incident_id in (:ids)").setParameter("ids", ids).executeUpdate());

        DocumentRebuilder.Done done = rebuilder.rebuildBatch(ids.get(0));
        assertThat(stored(ids.get(1))).isTrue();
        assertThat(stored(ids.get(2))).isTrue();
        assertThat(done.looked()).isGreaterThanOrEqualTo(2);
        assertThat(done.stored()).isGreaterThanOrEqualTo(2);
        assertThat(done.last()).isGreaterThanOrEqualTo(ids.get(2));
        assertThat(rebuilder.rebuildBatch(done.last() + 1_000_000)).isEqualTo(
                new DocumentRebuilder.Done(0, done.last() + 1_000_000, 0));

        rebuilder.rebuildBatch(ids.get(0) - 1);
        assertThat(stored(ids.get(0))).isTrue();
    }

    private boolean stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from incident_document where incident_id = :id").setParameter("id", id)
                .getSingleResult()).longValue() == 1);
    }
}
