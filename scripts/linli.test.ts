// `npm run linli`: a community onboarded from a script (README § Your own community) with the
// sample files in samples/, into the PGlite folder the app would open and into PostgreSQL at
// DATABASE_URL; --json prints one object, exit 0 when written, 2 when refused with nothing
// written; a PGlite folder another live process holds is refused, never opened twice.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, selectRows } from '~/db/client';
import { createAuth } from '~/server/auth';

const ROOT = path.resolve(import.meta.dirname, '..');
const SAMPLES = path.join(ROOT, 'samples');
const work = mkdtempSync(path.join(os.tmpdir(), 'linli-cli-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

type Json = {
  imported: number;
  updated?: number;
  skipped: Array<{ feature: number; reason: string }>;
  errors: Array<{ row: number; reason: string }>;
};

function linli(env: Record<string, string>, ...args: string[]) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/linli.ts', ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const json = (out: string) => JSON.parse(out.trim()) as Json;

async function counts(open: () => ReturnType<typeof openDatabase>) {
  const database = await open();
  try {
    const [row] = await selectRows<{ buildings: number; households: number; devices: number; tokens: number }>(
      database.db,
      sql`select (select count(*)::int from buildings) as buildings, (select count(*)::int from households where area_m_2 > 0) as households,
        (select count(*)::int from devices) as devices, (select count(*)::int from devices where token_hash is not null) as tokens`,
    );
    return row!;
  } finally {
    await database.close();
  }
}

/** The whole onboarding by script, against one database. */
async function onboard(env: Record<string, string>, open: () => ReturnType<typeof openDatabase>) {
  const created = linli(
    env,
    'community',
    'create',
    '--slug',
    'guiyuan',
    '--name',
    '桂园小区',
    '--lng',
    '114.362',
    '--lat',
    '30.528',
    '--street',
    '示范街道',
    '--district',
    '洪山区',
  );
  expect(created.code, created.err).toBe(0);
  expect(created.out).toContain('guiyuan');
  // The same slug again is refused and says why.
  const again = linli(
    env,
    'community',
    'create',
    '--slug',
    'guiyuan',
    '--name',
    '另一个',
    '--lng',
    '114',
    '--lat',
    '30',
  );
  expect(again.code).toBe(2);
  expect(again.err).toContain('guiyuan');

  const dry = linli(
    env,
    'import',
    'buildings',
    '--community',
    'guiyuan',
    '--file',
    path.join(SAMPLES, 'guiyuan-footprints.geojson'),
    '--dry-run',
    '--json',
  );
  expect(dry.code, dry.err).toBe(0);
  expect(json(dry.out).imported).toBe(8);
  expect((await counts(open)).buildings).toBe(0);

  const buildings = linli(
    env,
    'import',
    'buildings',
    '--community',
    'guiyuan',
    '--file',
    path.join(SAMPLES, 'guiyuan-footprints.geojson'),
    '--json',
  );
  expect(buildings.code, buildings.err).toBe(0);
  const report = json(buildings.out);
  expect(report.imported).toBe(8);
  // The noise in the export is listed with its reasons, never dropped silently.
  expect(report.skipped.length).toBeGreaterThanOrEqual(3);
  for (const s of report.skipped) expect(s.reason.length).toBeGreaterThan(2);
  expect((await counts(open)).buildings).toBe(8);
}

describe('npm run linli on the embedded database', () => {
  const dataDir = path.join(work, 'pglite');
  const env = { PGLITE_DIR: dataDir };
  const open = () => openDatabase({ dataDir });

  it('creates a community and imports its buildings, refusing a second community of the same slug', async () => {
    await onboard(env, open);
  }, 240_000);

  it('imports households and devices all-or-nothing, writing tokens.csv once', async () => {
    const households = linli(
      env,
      'import',
      'households',
      '--community',
      'guiyuan',
      '--file',
      path.join(SAMPLES, 'guiyuan-households.xlsx'),
      '--json',
    );
    expect(households.code, households.err).toBe(0);
    const imported = json(households.out);
    expect(imported.imported + (imported.updated ?? 0)).toBeGreaterThan(100);

    // A device list with bad rows (once the register has made the units): refused by row number, nothing written.
    const bad = path.join(work, 'bad-devices.csv');
    writeFileSync(
      bad,
      '设备编号,设备类型,楼栋,单元,楼层\nGY-X-1,烟感,1,1,3\nGY-X-2,咖啡机,1,1,3\nGY-X-3,烟感,99,1,3\n',
    );
    const refused = linli(
      env,
      'import',
      'devices',
      '--community',
      'guiyuan',
      '--file',
      bad,
      '--tokens-out',
      path.join(work, 'no.csv'),
      '--json',
    );
    expect(refused.code).toBe(2);
    const rows = json(refused.out).errors.map((e) => e.row);
    expect(rows).toEqual(expect.arrayContaining([3, 4]));
    expect(rows).not.toContain(2);
    expect(existsSync(path.join(work, 'no.csv'))).toBe(false);
    expect((await counts(open)).devices).toBe(0);

    const tokensOut = path.join(work, 'tokens.csv');
    const devices = linli(
      env,
      'import',
      'devices',
      '--community',
      'guiyuan',
      '--file',
      path.join(SAMPLES, 'guiyuan-devices.csv'),
      '--tokens-out',
      tokensOut,
      '--json',
    );
    expect(devices.code, devices.err).toBe(0);
    const n = json(devices.out).imported;
    expect(n).toBeGreaterThan(10);
    const lines = readFileSync(tokensOut, 'utf8').trim().split(/\r?\n/);
    expect(lines.length).toBe(n + 1);
    const after = await counts(open);
    expect(after).toMatchObject({ devices: n, tokens: n });
    expect(after.households).toBe(imported.imported + (imported.updated ?? 0));
  }, 240_000);

  it('adds a staff account whose one-time password signs in', async () => {
    const added = linli(env, 'user', 'add', '--email', 'clerk@guiyuan.cn', '--role', 'staff', '--community', 'guiyuan');
    expect(added.code, added.err).toBe(0);
    const password = /\(shown only now[^)]*\): (\S+)/.exec(added.out)?.[1];
    expect(password).toBeTruthy();
    const database = await open();
    try {
      const signedIn = await createAuth(database.db).api.signInEmail({
        body: { email: 'clerk@guiyuan.cn', password: password! },
      });
      expect(signedIn.user.email).toBe('clerk@guiyuan.cn');
      const [m] = await selectRows<{ role: string; slug: string }>(
        database.db,
        sql`select m.role, c.slug from memberships m join communities c on c.id = m.community_id join users u on u.id = m.user_id where u.email = 'clerk@guiyuan.cn'`,
      );
      expect(m).toEqual({ role: 'staff', slug: 'guiyuan' });
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses a folder the running app holds, saying so, and opens nothing', async () => {
    const app = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(app);
    const lock = JSON.stringify({ pid: app.pid, role: 'the Linli app', since: new Date().toISOString() });
    writeFileSync(path.join(dataDir, 'linli.lock'), lock);
    const refused = linli(
      env,
      'import',
      'households',
      '--community',
      'guiyuan',
      '--file',
      path.join(SAMPLES, 'guiyuan-households.csv'),
      '--json',
    );
    expect(refused.code).toBe(2);
    expect(json(refused.out).errors[0]!.reason).toContain('the Linli app');
    expect(readFileSync(path.join(dataDir, 'linli.lock'), 'utf8')).toBe(lock);
    app.kill('SIGKILL');
  }, 60_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('npm run linli on PostgreSQL at DATABASE_URL', () => {
  const server = process.env.TEST_DATABASE_URL!;
  const name = `linli_cli_${process.pid}`;
  const url = new URL(server);
  url.pathname = `/${name}`;

  it('onboards the same way', async () => {
    const admin = await openDatabase({ url: server, poolSize: 1 });
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${name}`);
    try {
      await onboard({ DATABASE_URL: url.toString() }, () => openDatabase({ url: url.toString(), poolSize: 1 }));
    } finally {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    }
  }, 240_000);
});
