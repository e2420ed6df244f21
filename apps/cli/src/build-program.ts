/** Assembles the `tollgate` command tree; output and environment are injected, so tests run it in-process. */
import { createRequire } from 'node:module';
import { Command } from 'commander';
import type { CliContext, TextOutput } from './cli-context.js';
import { registerChatCommand } from './commands/chat.js';
import { registerCreditsAddCommand } from './commands/credits-add.js';
import { registerCreditsShowCommand } from './commands/credits-show.js';
import { registerImageCommand } from './commands/image.js';
import { registerKeysListCommand } from './commands/keys-list.js';
import { registerKeysRemoveCommand } from './commands/keys-remove.js';
import { registerKeysSetCommand } from './commands/keys-set.js';
import { registerLedgerVerifyCommand } from './commands/ledger-verify.js';
import { registerOrgsAddMemberCommand } from './commands/orgs-add-member.js';
import { registerOrgsCreateCommand } from './commands/orgs-create.js';
import { registerOrgsSetLimitCommand } from './commands/orgs-set-limit.js';
import { registerPluginsListCommand } from './commands/plugins-list.js';
import { registerServeCommand, type ServeHooks } from './commands/serve.js';
import { registerSettingsSetCommand } from './commands/settings-set.js';
import { registerSettingsShowCommand } from './commands/settings-show.js';
import { registerTokensCreateCommand } from './commands/tokens-create.js';
import { registerTokensListCommand } from './commands/tokens-list.js';
import { registerTokensRevokeCommand } from './commands/tokens-revoke.js';
import { registerUsageCommand } from './commands/usage.js';
import { registerUsersCreateCommand } from './commands/users-create.js';
import { registerUsersListCommand } from './commands/users-list.js';
import type { SecretInput } from './read-secret.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export interface BuildProgramOptions extends ServeHooks {
  readonly stdout: TextOutput;
  readonly stderr: TextOutput;
  /** Defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Defaults to `process.cwd()`. */
  readonly cwd?: string;
  /** Defaults to `process.stdin`. */
  readonly stdin?: SecretInput;
}

/**
 * The program, configured to throw instead of exiting (see `runCli`, which turns errors into exit codes).
 *
 * @example
 * const program = buildProgram({ stdout: process.stdout, stderr: process.stderr });
 * await program.parseAsync(['users', 'list', '--json'], { from: 'user' });
 */
export function buildProgram(options: BuildProgramOptions): Command {
  const context: CliContext = {
    stdout: options.stdout,
    stderr: options.stderr,
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    ...(options.stdin ? { stdin: options.stdin } : {}),
  };
  const program = new Command('tollgate')
    .description(
      'Tollgate: one OpenAI-compatible API and one hf_ token in front of many inference providers.',
    )
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)');

  registerServeCommand(program, context, options);

  const users = program.command('users').description('manage users and their first tokens');
  registerUsersCreateCommand(users, context);
  registerUsersListCommand(users, context);

  const tokens = program.command('tokens').description("manage users' access tokens");
  registerTokensCreateCommand(tokens, context);
  registerTokensListCommand(tokens, context);
  registerTokensRevokeCommand(tokens, context);

  const orgs = program.command('orgs').description('manage organizations and their members');
  registerOrgsCreateCommand(orgs, context);
  registerOrgsAddMemberCommand(orgs, context);

  const settings = program
    .command('settings')
    .description("manage users' and organizations' inference provider settings");
  registerSettingsShowCommand(settings, context);
  registerSettingsSetCommand(settings, context);

  const ledger = program.command('ledger').description('inspect the credit ledger');
  registerLedgerVerifyCommand(ledger, context);

  const plugins = program.command('plugins').description('inspect provider plugins');
  registerPluginsListCommand(plugins, context);

  registerChatCommand(program, context);

  const keys = program
    .command('keys')
    .description("manage users' and organizations' own provider keys (sealed under TOLLGATE_MASTER_KEY)");
  registerKeysSetCommand(keys, context);
  registerKeysListCommand(keys, context);
  registerKeysRemoveCommand(keys, context);

  registerImageCommand(program, context);

  registerOrgsSetLimitCommand(orgs, context);
  const credits = program.command('credits').description("manage accounts' prepaid credits");
  registerCreditsAddCommand(credits, context);
  registerCreditsShowCommand(credits, context);
  registerUsageCommand(program, context);
  return program;
}
