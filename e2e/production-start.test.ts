// A production start is safe by default (README § Security): without a proper
// BETTER_AUTH_SECRET it refuses to start and says what to set, and without
// SEED_DEMO it serves no demo data and no demo accounts, whose password the
// README publishes. Both servers run on the build global-setup made.
import { describe, expect, inject, it } from 'vitest';
import { startApp, startAppRefused } from './app-server';

const DEMO_ADMIN = { email: 'admin@linli.local', password: 'linli-demo-2026' };

function signIn(url: string, account: { email: string; password: string }) {
  return fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    // No Origin header: better-auth checks it only for a request that carries cookies.
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
}

describe('a production start', () => {
  it('refuses to start without BETTER_AUTH_SECRET, saying what to set', async () => {
    const { code, output } = await startAppRefused({ reuseBuild: true, env: { BETTER_AUTH_SECRET: undefined } });
    expect(code).not.toBe(0);
    expect(output).toContain('BETTER_AUTH_SECRET is not set');
    expect(output).toContain('README, Security');
  }, 90_000);

  it('refuses the development secret published in the source', async () => {
    const { code, output } = await startAppRefused({
      reuseBuild: true,
      env: { BETTER_AUTH_SECRET: 'linli-development-secret-do-not-use-in-production' },
    });
    expect(code).not.toBe(0);
    expect(output).toContain('development value published in the source');
  }, 90_000);

  it('without SEED_DEMO has no demo: the demo admin cannot sign in and no community is listed', async () => {
    // The same request signs in on the harness's app, which SEED_DEMO=true seeded.
    expect((await signIn(inject('appUrl'), DEMO_ADMIN)).status).toBe(200);

    const app = await startApp({ reuseBuild: true, env: { SEED_DEMO: undefined } });
    try {
      const refused = await signIn(app.url, DEMO_ADMIN);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ code: 'INVALID_EMAIL_OR_PASSWORD' });
      const list = (await (await fetch(`${app.url}/api/trpc/community.list`)).json()) as {
        result: { data: { json: unknown[] } };
      };
      expect(list.result.data.json).toEqual([]);
      expect(app.output()).not.toContain('WARNING: SEED_DEMO');
    } finally {
      await app.stop();
    }
  }, 240_000);
});
