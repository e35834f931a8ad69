import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readCappedBody, readCappedForm } from './read-body';

/** A body with no Content-Length, as a chunked upload arrives. */
function streamed(chunks: number, size: number): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(97));
      else controller.close();
    },
  });
  return new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('reading a body within a limit', () => {
  it('refuses a declared length over the limit without reading it', async () => {
    const req = new Request('http://x/', {
      method: 'POST',
      body: 'a'.repeat(100),
      headers: { 'content-length': '100' },
    });
    await expect(readCappedBody(req, 99)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('stops a chunked body as soon as it passes the limit', async () => {
    await expect(readCappedBody(streamed(1_000_000, 1024), 8 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect((await readCappedBody(streamed(8, 1024), 8 * 1024)).length).toBe(8 * 1024);
  });

  it('parses a form within the limit', async () => {
    const req = new Request('http://x/', { method: 'POST', body: new URLSearchParams({ locale: 'en', back: '/' }) });
    expect((await readCappedForm(req, 1024))?.get('locale')).toBe('en');
  });
});
