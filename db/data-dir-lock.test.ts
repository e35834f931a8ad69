import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, dataDirHolder, lockDataDir } from './data-dir-lock';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-lock-'));
  dirs.push(dir);
  return dir;
}

/** Another live process, as the running app would be. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

describe('one process per PGlite folder', () => {
  it('refuses a folder a live process holds, naming it, and leaves its lock alone', () => {
    const dir = folder();
    const app = otherProcess();
    const lock = JSON.stringify({ pid: app.pid, role: 'the Linli app', since: '2026-12-03T10:00:00Z' });
    writeFileSync(path.join(dir, 'linli.lock'), lock);
    expect(() => lockDataDir(dir, 'the command linli import')).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir, 'the command linli import')).toThrow(/the Linli app, pid \d+/);
    expect(readFileSync(path.join(dir, 'linli.lock'), 'utf8')).toBe(lock);
    expect(dataDirHolder(dir)?.pid).toBe(app.pid);
  });

  it('takes over a lock whose process is gone, and releases it on close', async () => {
    const dir = folder();
    const gone = otherProcess();
    await new Promise<void>((resolve) => {
      gone.once('exit', () => resolve());
      gone.kill('SIGKILL');
    });
    writeFileSync(path.join(dir, 'linli.lock'), JSON.stringify({ pid: gone.pid, role: 'crashed app', since: 'x' }));
    const release = lockDataDir(dir, 'the Linli app');
    expect(dataDirHolder(dir)?.pid).toBe(process.pid);
    release();
    expect(existsSync(path.join(dir, 'linli.lock'))).toBe(false);
    expect(dataDirHolder(dir)).toBeNull();
  });
});
