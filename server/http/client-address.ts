// The address a request came from, for per-client limits (residents' reports,
// sign-in). X-Forwarded-For is a list anyone can start: a client sends its own
// entries and each proxy appends the address it saw. Only the entries our own
// proxies appended can be believed, so TRUSTED_PROXIES says how many there are
// (README § Security) and we read the entry that many from the right.
//
// Without a proxy the answer is the TCP peer. `next start` writes the socket's
// address into x-forwarded-for only when the request has none (`??=` in Next's
// base server), so a client that sends its own header would hide it; the peer
// is copied into PEER_ADDRESS_HEADER for every request instead
// (./peer-address.ts, installed from instrumentation.ts).
import { env } from '../env';
import { PEER_ADDRESS_HEADER } from './peer-address';

/** What the limits count against when the address cannot be known: everyone unknown shares one allowance. */
export const UNKNOWN_ADDRESS = 'unknown';

export function addressFrom(headers: Headers, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const entries = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // Fewer entries than proxies: the request did not come through them all, and the peer is what we have.
    if (entries.length >= trustedProxies) return normalise(entries[entries.length - trustedProxies]!);
  }
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  return peer ? normalise(peer) : UNKNOWN_ADDRESS;
}

/** The client's address as the nearest trusted hop saw it (TRUSTED_PROXIES, README § Security). */
export function clientAddress(headers: Headers): string {
  return addressFrom(headers, env.TRUSTED_PROXIES);
}

/** One spelling per address: an IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d. */
function normalise(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}
