// Reads a request body up to a limit, for endpoints anyone may post to: a
// declared Content-Length over the limit is refused before a byte is read, and
// a body without one (chunked) is counted as it streams and dropped the moment
// it passes the limit, so no caller ever holds more than maxBytes.

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body over ${maxBytes} bytes`);
  }
}

/** The body as bytes, or BodyTooLargeError. */
export async function readCappedBody(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = req.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= maxBytes)) {
    await req.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(maxBytes);
  }
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A posted HTML form (urlencoded or multipart) read within maxBytes; null when
 * it does not parse as a form. Throws BodyTooLargeError.
 */
export async function readCappedForm(req: Request, maxBytes: number): Promise<FormData | null> {
  const body = await readCappedBody(req, maxBytes);
  const contentType = req.headers.get('content-type') ?? 'application/x-www-form-urlencoded';
  return new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData().catch(() => null);
}
