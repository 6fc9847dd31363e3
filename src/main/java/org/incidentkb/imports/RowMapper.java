package org.incidentkb.imports;

import java.util.Map;

/** Maps one row of a dataset's CSV export (column name to text) onto a draft incident. */
interface RowMapper {

    /** @throws Columns.RowException when the row cannot be mapped; the import records it and goes on */
    Draft map(Map<String, String> row, long line);
}
