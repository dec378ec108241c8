/**
 * The typed ids and lookups of the model's tables (levers, parameters, initial conditions, metrics): see
 * RowsById and IdList in sim/types.ts.
 */
import type { IdList, RowsById } from '../types.ts';

/** A table's ids in table order. */
export function idList<Id extends string>(ids: readonly Id[]): IdList<Id> {
  return ids as IdList<Id>;
}

/**
 * Index every row of a table by its id. A RowsById promises a row for each id of the table, so it must be built
 * from all of them: this is the one place that promise is made.
 */
export function rowsById<Id extends string, Row>(entries: readonly (readonly [Id, Row])[]): RowsById<Id, Row> {
  return new Map(entries) as unknown as RowsById<Id, Row>;
}
