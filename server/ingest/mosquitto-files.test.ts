// The Mosquitto files are shared by every community: writing one community's
// devices keeps the others' entries (and anything written by hand), and the
// ingest password never travels on the command line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { createTestDatabase } from '~/test/db';
import { ingestPassword, writeMosquittoFiles } from './mosquitto-files';
import { createFixture, type Fixture } from './test-fixture';

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
const users = (file: string) => lines(file).map((l) => l.slice(0, l.indexOf(':')));

describe('mosquitto files for several communities', () => {
  let database: Database;
  let north: Fixture;
  let south: Fixture;
  let dir: string;
  const write = (community: string) =>
    writeMosquittoFiles(database.db, { community, out: dir, ingestUser: 'linli-ingest', ingestPassword: 'pw' });

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    north = await createFixture(database.db, 'north');
    south = await createFixture(database.db, 'south');
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-mosq-files-'));
    // An operator's own entry, written by hand before Linli's.
    writeFileSync(path.join(dir, 'acl'), 'user monitor\ntopic read $SYS/#\n');
    writeFileSync(path.join(dir, 'passwd'), 'monitor:$7$101$abc$def\n');
  });
  afterAll(async () => {
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the other community's devices and the operator's entries, and replaces its own", async () => {
    await write('north');
    await write('south');
    const codes = (fx: Fixture) => Object.values(fx.devices).map((d) => d.code);
    const passwd = path.join(dir, 'passwd');
    expect(users(passwd).sort()).toEqual(['linli-ingest', 'monitor', ...codes(north), ...codes(south)].sort());
    const acl = readFileSync(path.join(dir, 'acl'), 'utf8');
    for (const code of codes(north)) expect(acl).toContain(`user ${code}\ntopic readwrite linli/north/${code}/#`);
    for (const code of codes(south)) expect(acl).toContain(`user ${code}\ntopic readwrite linli/south/${code}/#`);
    expect(acl).toContain('user monitor\ntopic read $SYS/#');
    expect(acl.match(/^user linli-ingest$/gm)).toHaveLength(1);

    // Writing north again rotates north's hashes only.
    const southLines = lines(passwd).filter((l) => codes(south).includes(l.split(':')[0]!));
    const northBefore = lines(passwd).filter((l) => codes(north).includes(l.split(':')[0]!));
    await write('north');
    const after = lines(passwd);
    expect(after.filter((l) => codes(south).includes(l.split(':')[0]!))).toEqual(southLines);
    const northAfter = after.filter((l) => codes(north).includes(l.split(':')[0]!));
    expect(northAfter).toHaveLength(northBefore.length);
    expect(northAfter.some((l) => northBefore.includes(l))).toBe(false);
    expect(users(passwd).filter((u) => u === 'linli-ingest')).toHaveLength(1);
    // Each community's fresh tokens in a file of its own.
    expect(readFileSync(path.join(dir, 'tokens-south.csv'), 'utf8')).toContain(codes(south)[0]);
  });
});

describe('the ingest password', () => {
  it('comes from a file or the environment', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-mosq-pw-'));
    const file = path.join(dir, 'pw');
    writeFileSync(file, 's3cret\n', { mode: 0o600 });
    expect(ingestPassword(file, {})).toBe('s3cret');
    expect(ingestPassword(undefined, { MQTT_INGEST_PASSWORD_FILE: file })).toBe('s3cret');
    expect(ingestPassword(undefined, { MQTT_INGEST_PASSWORD: 'env-pw' })).toBe('env-pw');
    expect(ingestPassword(undefined, {})).toBeNull();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is refused on the command line', () => {
    const run = spawnSync(
      'npx',
      ['tsx', 'server/ingest/mosquitto-files.ts', '--community', 'north', '--ingest-password', 'visible-to-ps'],
      { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Unknown option '--ingest-password'/);
  });
});
