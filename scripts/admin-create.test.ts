// The first admin of an installation without the demo (README, Security): the
// command makes the account in the folder the app would open, and the password
// it prints once signs in.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/db/client';
import { users } from '~/db/schema';
import { createAuth } from '~/server/auth';

const ROOT = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/admin-create.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: dataDir },
    encoding: 'utf8',
  });

describe('npm run admin:create', () => {
  it('makes an admin whose one-time password signs in, and leaves an existing account alone', async () => {
    const made = run('--email', 'Chair@Example.cn', '--name', '主任');
    expect(made.status, made.stderr).toBe(0);
    const password = /one-time password \(shown only now\): (\S+)/.exec(made.stdout)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(16);

    const again = run('--email', 'chair@example.cn', '--name', '另一个');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has an account');

    const database = await openDatabase({ dataDir });
    try {
      const signedIn = await createAuth(database.db).api.signInEmail({
        body: { email: 'chair@example.cn', password: password! },
      });
      expect(signedIn.user).toMatchObject({ email: 'chair@example.cn', name: '主任', role: 'admin' });
      const [row] = await database.db.select().from(users).where(eq(users.email, 'chair@example.cn'));
      expect(row?.mustChangePassword).toBe(true);
    } finally {
      await database.close();
    }
  }, 180_000);
});
