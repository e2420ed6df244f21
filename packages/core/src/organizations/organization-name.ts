/** The rule for organization names: the same as for user names, since both name accounts on the Hub. */
import { InputError } from '@tollgate/provider-spec';

const ORGANIZATION_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/;

/**
 * Throws an `InputError` (code `invalid_organization_name`) unless `name` is 1-64 letters, digits, dots, dashes or
 * underscores, starting and ending with a letter or digit, like Hugging Face organization names (`fal`,
 * `togethercomputer`, `CohereLabs`).
 *
 * @example assertValidOrganizationName('togethercomputer'); // ok
 */
export function assertValidOrganizationName(name: string): void {
  if (!ORGANIZATION_NAME.test(name)) {
    throw new InputError({
      message: `'${name}' is not a valid organization name: use 1 to 64 letters, digits, '.', '-' or '_', starting and ending with a letter or digit.`,
      code: 'invalid_organization_name',
      param: 'name',
    });
  }
}
