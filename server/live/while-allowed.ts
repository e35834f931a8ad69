// A live stream outlives the request that opened it: a screen stays connected for
// days. Authorization happened once, at the start (server/trpc.ts); this asks again
// every few seconds and ends the stream once the answer is no, so revoking a
// screen's link or signing out shuts an open screen out within seconds, not at its
// next reconnect.

/**
 * Streams what `open` yields while `stillAllowed` says yes, asking it every `everyMs`
 * (each check after the previous one finished). Once it says no, the stream stops
 * (`open` sees its signal aborted, and nothing more is sent) and ends with `refusal()`,
 * so the client learns why rather than seeing a quiet end. Without `stillAllowed` it
 * is `open`'s stream as is.
 */
export async function* whileAllowed<T>(opts: {
  stillAllowed: (() => Promise<boolean>) | undefined;
  everyMs: number;
  refusal: () => Error;
  signal: AbortSignal | undefined;
  open: (signal: AbortSignal) => AsyncIterable<T>;
}): AsyncGenerator<T> {
  const inner = new AbortController();
  const stop = () => inner.abort();
  if (opts.signal?.aborted) stop();
  opts.signal?.addEventListener('abort', stop);
  let refused = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = async () => {
    let allowed = true;
    try {
      allowed = await opts.stillAllowed!();
    } catch (error) {
      // A failed lookup (the database briefly away) is no refusal: the next check decides.
      console.error('live: re-checking a stream’s caller failed', error);
    }
    if (!allowed) {
      refused = true;
      stop();
    } else if (!inner.signal.aborted) timer = setTimeout(() => void check(), opts.everyMs);
  };
  if (opts.stillAllowed) timer = setTimeout(() => void check(), opts.everyMs);
  const source = opts.open(inner.signal)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await source.next();
      if (refused || next.done) break;
      yield next.value;
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', stop);
    await source.return?.();
  }
  if (refused) throw opts.refusal();
}
