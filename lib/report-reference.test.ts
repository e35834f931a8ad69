import { describe, expect, it } from 'vitest';
import { normalizeReference, REFERENCE_ALPHABET } from './report-reference';

describe('report references', () => {
  it('are written without characters a resident could misread', () => {
    for (const c of '0O1IL2Z5S8BUV') expect(REFERENCE_ALPHABET, c).not.toContain(c);
  });

  it('read back however a resident types them', () => {
    for (const typed of ['R-7KX9MP3Q', 'r-7kx9mp3q', ' 7KX9 MP3Q ', 'R7KX9MP3Q', 'r－7kx9-mp3q'])
      expect(normalizeReference(typed), typed).toBe('R-7KX9MP3Q');
    for (const typed of ['', 'R-7KX9', '7KX9MP3Q7', '../etc', 'R-7KX9MP3!'])
      expect(normalizeReference(typed), typed).toBeNull();
  });
});
