// Runs the real app for end-to-end tests: a production build in its own
// folder, `next start` on a free port, and a fresh PGlite data folder that
// the app creates, migrates and seeds on its first request, as on a new machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

// The browser choice lives in test/browser.ts; the end-to-end files import it from here.
export { launchChromium } from '../test/browser';

const ROOT = path.resolve(import.meta.dirname, '..');
// Separate folders let two people run the end-to-end tests at once.
const DIST_DIR = process.env.E2E_DIST_DIR ?? '.next-e2e';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type AppServer = { url: string; output: () => string; stop: () => Promise<void> };

export type StartOptions = {
  /** Start on the build that global-setup made for this run instead of building again. */
  reuseBuild?: boolean;
  /** Settings over the harness's own; `undefined` removes one (e.g. BETTER_AUTH_SECRET). */
  env?: Record<string, string | undefined>;
  /** Runs on the server's empty PGlite folder before it starts (e.g. `npm run admin:create` there). */
  prepare?: (dataDir: string) => void;
};

function launch(opts: StartOptions) {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL;
  if (!opts.reuseBuild) {
    const build = spawnSync('npx', ['next', 'build'], { cwd: ROOT, env, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
  opts.prepare?.(dataDir);
  return async () => {
    const port = await freePort();
    const startEnv: NodeJS.ProcessEnv = {
      // No demo simulator (tests see only what they send); the MQTT broker on
      // any free port, so parallel runs and a running `npm run dev` do not clash.
      SIMULATE: 'false',
      MQTT_PORT: '0',
      SEED_DEMO: 'true',
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
      ...env,
      PGLITE_DIR: dataDir,
      NODE_ENV: 'production',
      ...opts.env,
    };
    for (const [key, value] of Object.entries(startEnv)) if (value === undefined) delete startEnv[key];
    const child: ChildProcess = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: ROOT,
      env: startEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const stop = async () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      rmSync(dataDir, { recursive: true, force: true });
    };
    return { child, url: `http://127.0.0.1:${port}`, output: () => log, exited, stop };
  };
}

export async function startApp(opts: StartOptions = {}): Promise<AppServer> {
  const { child, url, output, stop } = await launch(opts)();
  // The first request opens, migrates and seeds the database.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/trpc/community.list`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`app did not become ready:\n${output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, output, stop };
}

/** Another server on the build this run already made, with `settings` on top (a test that needs other settings). */
export function startBuiltApp(settings: Record<string, string> = {}): Promise<AppServer> {
  return startApp({ reuseBuild: true, env: settings });
}

/** Starts the app expecting it to refuse: its exit code and what it printed, once it has exited. */
export async function startAppRefused(opts: StartOptions = {}): Promise<{ code: number | null; output: string }> {
  const { exited, output, stop } = await launch(opts)();
  const code = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 60_000))]);
  await stop();
  if (code === 'running') throw new Error(`next start did not exit within a minute:\n${output()}`);
  return { code, output: output() };
}

/** Screenshots land here for a person to look at after the run. */
export const SHOTS_DIR = path.join(ROOT, 'test-results');
