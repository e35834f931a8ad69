// Whether an address points back at the machine it is opened on (localhost, 127.0.0.0/8, ::1,
// 0.0.0.0): fine for a developer, useless printed on a poster for residents' phones.
export function isLoopbackUrl(address: string): boolean {
  let host: string;
  try {
    host = new URL(address).hostname.toLowerCase();
  } catch {
    return true;
  }
  host = host.replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '0.0.0.0' ||
    host === '::1' ||
    host === '::' ||
    host.startsWith('::ffff:127.')
  );
}
