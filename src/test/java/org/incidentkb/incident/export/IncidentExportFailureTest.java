package org.incidentkb.incident.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.notNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.incidentkb.common.Format;
import org.incidentkb.incident.api.StoredJson;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.query.IncidentSearchService;
import org.incidentkb.incident.query.IncidentSort;
import org.junit.jupiter.api.Test;

/**
 * An export whose reading fails after its first chunk is not finished as if it were whole: no closing brackets for a
 * GeoJSON that holds only the features read so far. The exception goes on to the framework, which answers a problem
 * while nothing was sent, or resets the connection once something was.
 */
class IncidentExportFailureTest {

    private static final IncidentSort SORT = IncidentSort.parse("id", "id");

    private final IncidentSearchService search = mock(IncidentSearchService.class);
    private final IncidentExport export = new IncidentExport(search, new ObjectMapper(), readingAhead());

    @Test
    void shouldLeaveAnExportUnfinishedWhenAChunkCannotBeRead() {
        firstChunkThen(new IllegalStateException("No database connection free"));

        assertThat(failed(Format.GEOJSON)).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[");
        assertThat(failed(Format.NDJSON)).isEqualTo("{\"id\":1}\n");
    }

    @Test
    void shouldFinishAnExportWhoseChunksWereAllRead() throws Exception {
        when(search.chunk(any(), any(), isNull(), any())).thenReturn(new IncidentSearchService.Result(List.of(), null,
                new IncidentSort.Cursor(SORT.spec(), List.of(1L)).encode(), false));
        when(search.chunk(any(), any(), notNull(), any())).thenReturn(
                new IncidentSearchService.Result(List.of(), null, null, false));

        var out = new ByteArrayOutputStream();
        export.all(Format.GEOJSON, IncidentFilter.none(), SORT, null).write(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[]}");
    }

    private void firstChunkThen(RuntimeException failure) {
        var stored = new StoredJson(1L, "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        when(search.chunk(any(), any(), isNull(), any())).thenReturn(new IncidentSearchService.Result(List.of(stored),
                null, new IncidentSort.Cursor(SORT.spec(), List.of(1L)).encode(), false));
        when(search.chunk(any(), any(), notNull(), any())).thenThrow(failure);
    }

    private String failed(Format format) {
        var out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> export.all(format, IncidentFilter.none(), SORT, null).write(out))
                .isInstanceOf(IllegalStateException.class).hasMessage("No database connection free");
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static ManagedExecutor readingAhead() {
        ManagedExecutor executor = mock(ManagedExecutor.class);
        when(executor.supplyAsync(any())).thenAnswer(call -> CompletableFuture.supplyAsync(
                (Supplier<Object>) call.getArgument(0)));
        return executor;
    }
}
