/** Users: the people that hold tokens and belong to organizations. */
export interface UserRecord {
  readonly id: string;
  readonly name: string;
  /**
   * A gateway administrator: may do what any organization member may (register any provider's mappings, see every
   * staging mapping). Set by the operator (`tollgate users create NAME --admin`), never through the HTTP API.
   */
  readonly isAdmin: boolean;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
}

export interface UserRepository {
  /** Creates a user (not an admin unless `isAdmin`); throws `InputError` (code `user_exists`) when the name is taken. */
  create(input: { readonly name: string; readonly isAdmin?: boolean }): Promise<UserRecord>;
  findByName(name: string): Promise<UserRecord | undefined>;
  findById(id: string): Promise<UserRecord | undefined>;
  list(): Promise<readonly UserRecord[]>;
}
