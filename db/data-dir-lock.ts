// One process per PGlite folder (README § Configuration): PGlite has no server to share, and two
// processes writing one folder silently diverge. Whoever opens a folder writes `linli.lock` in it
// with its pid and what it is (the app, or a command); a second process finds it, sees the
// holder is alive, and is refused with a message that names the holder. A lock whose process is
// gone (killed, crashed) is stale and taken over.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type LockHolder = { pid: number; role: string; since: string };

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the embedded database ${dataDir} is open in another process (${holder.role}, pid ${holder.pid}, since ${holder.since}); ` +
        'only one process may open it. Stop that process first, or use PostgreSQL (DATABASE_URL) to share a database.',
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

/**
 * Takes the folder's lock for this process, or throws DataDirInUseError when a live process
 * holds it. Returns the release, which the database's close() and the process's exit call.
 */
export function lockDataDir(dataDir: string, role: string): () => void {
  const file = path.join(dataDir, 'linli.lock');
  const mine: LockHolder = { pid: process.pid, role, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      // This process reopening its own folder (a test's second handle after a close) is no conflict.
      if (holder && holder.pid !== process.pid && alive(holder.pid)) throw new DataDirInUseError(dataDir, holder);
      unlinkSync(file);
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readHolder(file)?.pid === process.pid) unlinkSync(file);
  };
  process.on('exit', release);
  return release;
}

/** Who holds the folder's lock now, if a live process does. */
export function dataDirHolder(dataDir: string): LockHolder | null {
  const holder = readHolder(path.join(dataDir, 'linli.lock'));
  return holder && alive(holder.pid) ? holder : null;
}
