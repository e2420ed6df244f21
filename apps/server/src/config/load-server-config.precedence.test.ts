import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_PACKAGE_ROOT } from '../server-package-root.js';
import { loadServerConfig } from './load-server-config.js';
import { useTemporaryDirectories } from './temporary-directory.test-helpers.js';

describe('loadServerConfig precedence', () => {
  const temporaryDirectory = useTemporaryDirectories();

  function writeConfig(directory: string, content: unknown, name = 'tollgate.config.json'): string {
    const file = path.join(directory, name);
    writeFileSync(file, JSON.stringify(content));
    return file;
  }

  it('uses the defaults when nothing is set', async () => {
    const cwd = temporaryDirectory();
    const config = await loadServerConfig({ env: {}, cwd });
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 8080,
      dataDir: path.join(cwd, '.tollgate'),
      root: SERVER_PACKAGE_ROOT,
      sandbox: false,
      providers: {},
      bodyLimitBytes: 16 * 1024 * 1024,
      shutdownGraceMs: 30_000,
      logLevel: 'info',
      upstream: { headersTimeoutMs: 60_000, bodyTimeoutMs: 120_000 },
      performance: { prober: { enabled: true } },
    });
  });

  it('prefers the config file over the defaults', async () => {
    const cwd = temporaryDirectory();
    const file = writeConfig(cwd, {
      host: '0.0.0.0',
      port: 9100,
      sandbox: true,
      logLevel: 'debug',
      shutdownGraceMs: 5000,
      upstream: { headersTimeoutMs: 1000 },
      providers: { groq: { baseUrl: 'http://127.0.0.1:1234', enabled: false } },
    });
    const config = await loadServerConfig({ env: { TOLLGATE_CONFIG: file }, cwd });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9100,
      sandbox: true,
      logLevel: 'debug',
      shutdownGraceMs: 5000,
      upstream: { headersTimeoutMs: 1000, bodyTimeoutMs: 120_000 },
      providers: { groq: { baseUrl: 'http://127.0.0.1:1234', enabled: false } },
    });
  });

  it('prefers the environment over the config file', async () => {
    const cwd = temporaryDirectory();
    const file = writeConfig(cwd, { host: '0.0.0.0', port: 9100, sandbox: true, logLevel: 'debug' });
    const config = await loadServerConfig({
      env: {
        TOLLGATE_CONFIG: file,
        TOLLGATE_HOST: '127.0.0.2',
        TOLLGATE_PORT: '9200',
        TOLLGATE_SANDBOX: '0',
        TOLLGATE_LOG_LEVEL: 'warn',
      },
      cwd,
    });
    expect(config).toMatchObject({ host: '127.0.0.2', port: 9200, sandbox: false, logLevel: 'warn' });
  });

  it('prefers CLI options over the environment', async () => {
    const cwd = temporaryDirectory();
    const config = await loadServerConfig({
      options: { host: '::1', port: 0, sandbox: true, dataDir: 'from-option', root: 'deployment' },
      env: {
        TOLLGATE_HOST: '127.0.0.2',
        TOLLGATE_PORT: '9200',
        TOLLGATE_SANDBOX: 'false',
        TOLLGATE_DATA_DIR: 'env-dir',
      },
      cwd,
    });
    expect(config).toMatchObject({
      host: '::1',
      port: 0,
      sandbox: true,
      dataDir: path.join(cwd, 'from-option'),
      root: path.join(cwd, 'deployment'),
    });
  });

  it('finds tollgate.config.json in the data directory when no file is named', async () => {
    const cwd = temporaryDirectory();
    const dataDir = path.join(cwd, 'data');
    mkdirSync(dataDir);
    writeConfig(dataDir, { port: 9300, providers: { together: { apiKey: 'from-file' } } });
    const config = await loadServerConfig({ env: { TOLLGATE_DATA_DIR: 'data' }, cwd });
    expect(config.port).toBe(9300);
    expect(config.providers).toEqual({ together: { apiKey: 'from-file' } });
  });

  it("resolves the file's relative paths against the file's directory", async () => {
    const cwd = temporaryDirectory();
    const elsewhere = path.join(cwd, 'etc');
    mkdirSync(elsewhere);
    const file = writeConfig(elsewhere, { dataDir: '../state', root: 'deployment' });
    const config = await loadServerConfig({ options: { config: file }, env: {}, cwd });
    expect(config.dataDir).toBe(path.join(cwd, 'state'));
    expect(config.root).toBe(path.join(elsewhere, 'deployment'));
  });
});
