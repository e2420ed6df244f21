/** Options several commands share, declared once so their flags and help read the same everywhere. */
import { Option } from 'commander';

/** `--data-dir DIR`, as accepted by `serve` and every admin command. */
export function dataDirOption(): Option {
  return new Option(
    '--data-dir <dir>',
    'the data directory (default: $TOLLGATE_DATA_DIR, else the config file, else ./.tollgate)',
  );
}

/** `--database-url URL`, as accepted by `serve` and every admin command: a PostgreSQL store instead of SQLite. */
export function databaseUrlOption(): Option {
  return new Option(
    '--database-url <url>',
    'a postgres:// URL: keep users and tokens in that PostgreSQL database, shared by every gateway pointed at it ' +
      '(default: $TOLLGATE_DATABASE_URL, else SQLite in the data directory)',
  );
}

/** `--config FILE`, the server's JSON config file, which can also set the data directory and root. */
export function configOption(): Option {
  return new Option(
    '--config <file>',
    'the JSON config file (default: $TOLLGATE_CONFIG, else <data dir>/tollgate.config.json)',
  );
}

/** `--json`: machine-readable output on stdout. */
export function jsonOption(): Option {
  return new Option('--json', 'print JSON instead of text');
}
