/** One step of the PostgreSQL schema's history: applied once, in order, inside its own transaction. */
export interface PostgresMigration {
  /** Positive and strictly increasing along the list; recorded in `schema_migrations.version`. */
  readonly version: number;
  /** A short kebab-case label, for error messages. */
  readonly name: string;
  /** One or more SQL statements, run as one simple query (so no bind parameters). */
  readonly sql: string;
}
