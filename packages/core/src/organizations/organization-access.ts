/**
 * What a user may do for organizations: whether the user is a gateway admin, and the user's role in each
 * organization. Routing asks for it on requests that could touch staging mappings, so answers come from a
 * short-lived copy per user; a membership change made elsewhere is seen within `cacheTtlMs`. Permission checks
 * for writes read the store afresh (`load`).
 */
import type { OrganizationRepository, OrganizationRole } from '../store/organization-repository.js';
import type { UserRepository } from '../store/user-repository.js';

export interface OrganizationAccess {
  readonly isAdmin: boolean;
  /** Organization name -> the user's role in it. */
  readonly roles: ReadonlyMap<string, OrganizationRole>;
}

export const NO_ORGANIZATION_ACCESS: OrganizationAccess = Object.freeze({
  isAdmin: false,
  roles: new Map<string, OrganizationRole>(),
});

export const DEFAULT_ORGANIZATION_ACCESS_TTL_MS = 5_000;

export interface OrganizationAccessServiceOptions {
  /** Absent (with organizations) for a test's catalog-only store: nobody is an admin or a member then. */
  readonly users: UserRepository | undefined;
  /** Absent for a store without organizations: nobody is a member of anything then. */
  readonly organizations: OrganizationRepository | undefined;
  readonly cacheTtlMs?: number;
  /** The most users kept in memory; the oldest copy goes first. Default 10 000. */
  readonly cacheSize?: number;
  readonly now?: () => number;
}

export class OrganizationAccessService {
  private readonly cache = new Map<string, { access: Promise<OrganizationAccess>; expiresAt: number }>();
  private readonly ttl: number;
  private readonly size: number;
  private readonly now: () => number;

  constructor(private readonly options: OrganizationAccessServiceOptions) {
    this.ttl = options.cacheTtlMs ?? DEFAULT_ORGANIZATION_ACCESS_TTL_MS;
    this.size = options.cacheSize ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The user's access, from a copy at most `cacheTtlMs` old. A failed read is not kept.
   *
   * @example
   * const { roles } = await access.forUser(principal.userId);
   * roles.get('fal'); // 'write'
   */
  forUser(userId: string): Promise<OrganizationAccess> {
    const cached = this.cache.get(userId);
    if (cached !== undefined && cached.expiresAt > this.now()) return cached.access;
    const access = this.load(userId);
    if (this.cache.size >= this.size && !this.cache.has(userId))
      this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(userId, { access, expiresAt: this.now() + this.ttl });
    access.catch(() => {
      if (this.cache.get(userId)?.access === access) this.cache.delete(userId);
    });
    return access;
  }

  /** The user's access as the store has it now, bypassing (and refreshing) the copy. */
  async load(userId: string): Promise<OrganizationAccess> {
    const [user, memberships] = await Promise.all([
      this.options.users?.findById(userId),
      this.options.organizations?.listMemberships(userId) ?? [],
    ]);
    if (user === undefined) return NO_ORGANIZATION_ACCESS;
    const access: OrganizationAccess = Object.freeze({
      isAdmin: user.isAdmin,
      roles: new Map(memberships.map(({ organization, membership }) => [organization.name, membership.role])),
    });
    return access;
  }

  /** Forget copies (after a membership change made in this process). */
  forget(userId?: string): void {
    if (userId === undefined) this.cache.clear();
    else this.cache.delete(userId);
  }
}
