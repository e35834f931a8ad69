// How staff actions reach every console: ops hand what they changed to a
// publisher, which the process runtime backs with its frame writer. Ops get
// it through the tRPC context (ctx.live), never from a global, so a router
// test can hand in one that records (test/callers.ts).
import type { LiveChanges } from './types';

export interface LivePublisher {
  /** Queues changes for the next frame; never throws, never waits (the change is committed already). */
  publish(changes: LiveChanges[]): void;
}
