// Report references (报事编号) a resident reads off a screen, writes on paper and types back in:
// "R-" and eight characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V).
export const REFERENCE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';

/** Any reference ever issued (earlier ones used A–Z and 2–9), as the tracking input accepts it. */
export const REFERENCE_PATTERN = /^R-[A-Z2-9]{8}$/;

/** A reference as typed ("r-7kx9 mp3q", "7KX9MP3Q", "R7KX9MP3Q") in its one written form, or null. */
export function normalizeReference(typed: string): string | null {
  let s = typed.toUpperCase().replace(/[\s\-－—_]/g, '');
  if (s.length === 9 && s.startsWith('R')) s = s.slice(1);
  const reference = `R-${s}`;
  return REFERENCE_PATTERN.test(reference) ? reference : null;
}
