// Placeholder for the client-address module (issue 14): the integrator takes the version with
// TRUSTED_PROXIES. Here: the last X-Forwarded-For entry, the one `next start` and the nearest
// hop set, or 'unknown'.
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';
}
