/**
 * Checks an `X-HF-Bill-To: <organization>` header: the organization exists, the caller is a member, and it has a
 * Team or Enterprise plan (only those pool credits for their members). Hugging Face documents no error body for a
 * refused bill-to; the gateway answers 403 with one code per reason, so a client can tell them apart.
 *
 * Answers come from short-lived copies (memberships through `OrganizationAccessService`, the organization's plan
 * here), as authentication does; a refusal is checked once more against the store first, so a member just added or
 * a plan just bought works at once. The hold itself reads the organization's terms afresh.
 */
import { AuthError } from '@tollgate/provider-spec';
import type { Principal } from '../auth/principal.js';
import type { OrganizationAccessService } from '../organizations/organization-access.js';
import type { BillingAccountRepository } from '../store/billing-account-repository.js';
import type { OrganizationRepository } from '../store/organization-repository.js';
import type { BilledOrganization } from './billed-account.js';
import type { OrganizationPlan } from './billing-tiers.js';

/** The request header, lower-cased as Node delivers it. */
export const BILL_TO_HEADER = 'x-hf-bill-to';

export interface BillToResolverOptions {
  readonly organizations: Pick<OrganizationRepository, 'findByName'> | undefined;
  readonly billingAccounts: Pick<BillingAccountRepository, 'findOrganization'> | undefined;
  readonly access: Pick<OrganizationAccessService, 'forUser' | 'forget'>;
  readonly cacheTtlMs?: number;
  readonly now?: () => number;
}

interface PayingOrganization {
  readonly organization: BilledOrganization;
  readonly plan: OrganizationPlan | undefined;
}

export class BillToResolver {
  private readonly cache = new Map<
    string,
    { found: Promise<PayingOrganization | undefined>; expiresAt: number }
  >();
  private readonly ttl: number;
  private readonly now: () => number;

  constructor(private readonly options: BillToResolverOptions) {
    this.ttl = options.cacheTtlMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The organization to bill, or undefined when the header is absent or empty. Throws `AuthError` 403 with code
   * `bill_to_organization_not_found`, `bill_to_not_a_member` or `bill_to_plan_required`.
   *
   * @example
   * const billTo = await resolver.resolve(principal, request.headers['x-hf-bill-to']);
   */
  async resolve(
    principal: Principal,
    header: string | readonly string[] | undefined,
  ): Promise<BilledOrganization | undefined> {
    const name = (Array.isArray(header) ? header[0] : (header as string | undefined))?.trim();
    if (!name) return undefined;
    const cached = await this.check(principal, name);
    if (cached.refusal === undefined) return cached.organization;
    // Refusals are rare: look again past the copies before answering 403.
    this.cache.delete(name);
    this.options.access.forget(principal.userId);
    const fresh = await this.check(principal, name);
    if (fresh.refusal === undefined) return fresh.organization;
    throw fresh.refusal;
  }

  private async check(
    principal: Principal,
    name: string,
  ): Promise<{ organization: BilledOrganization; refusal?: undefined } | { refusal: AuthError }> {
    const [paying, access] = await Promise.all([
      this.find(name),
      this.options.access.forUser(principal.userId),
    ]);
    if (paying === undefined) {
      return refuse({
        message: `X-HF-Bill-To: no organization is named '${name}'.`,
        code: 'bill_to_organization_not_found',
      });
    }
    if (!access.roles.has(paying.organization.name)) {
      return refuse({
        message: `X-HF-Bill-To: '${principal.userName}' is not a member of the organization '${name}', so cannot bill requests to it.`,
        code: 'bill_to_not_a_member',
      });
    }
    if (paying.plan === undefined) {
      return refuse({
        message: `X-HF-Bill-To: the organization '${name}' has no Team or Enterprise plan, so it cannot pay for its members' requests.`,
        code: 'bill_to_plan_required',
      });
    }
    return { organization: paying.organization };
  }

  /** Forget cached organizations (after a plan change made in this process). */
  forget(): void {
    this.cache.clear();
  }

  private find(name: string): Promise<PayingOrganization | undefined> {
    const cached = this.cache.get(name);
    if (cached !== undefined && cached.expiresAt > this.now()) return cached.found;
    const found = this.load(name);
    if (this.cache.size >= 10_000) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(name, { found, expiresAt: this.now() + this.ttl });
    found.catch(() => {
      if (this.cache.get(name)?.found === found) this.cache.delete(name);
    });
    return found;
  }

  private async load(name: string): Promise<PayingOrganization | undefined> {
    const organization = await this.options.organizations?.findByName(name);
    if (organization === undefined) return undefined;
    const terms = await this.options.billingAccounts?.findOrganization(organization.id);
    return {
      organization: { id: organization.id, name: organization.name },
      plan: terms?.plan,
    };
  }
}

function refuse(options: { message: string; code: string }): { refusal: AuthError } {
  return { refusal: new AuthError({ ...options, status: 403 }) };
}
