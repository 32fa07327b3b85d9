/** The error Stash's table layer gives for an id with no row. */

/** `id N does not exist in <table>` (pkg/sqlite/table.go NotFoundError), `table` being the SQL table name. */
export function missingRow(id: number, table: string): Error {
  return new Error(`id ${id} does not exist in ${table}`);
}
