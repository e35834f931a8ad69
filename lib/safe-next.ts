// Where to go after signing in: only a path of this site, so a crafted link
// (`?next=//evil.example`, `/\evil.example`, a tab or newline inside) cannot
// send a user elsewhere. Browsers read `\` as `/` and drop tabs and newlines.
const ORIGIN = 'http://linli.invalid';

const controlOrBackslash = (s: string) => [...s].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c === '\x7f');

export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || controlOrBackslash(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return '/';
  }
  return url.origin === ORIGIN ? `${url.pathname}${url.search}${url.hash}` : '/';
}
