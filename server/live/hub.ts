// In-process fan-out of frames to this process's subscriptions. Frames reach
// the hub only from the bus, including the frames this process wrote, so a
// subscriber sees the same sequence whichever instance it is connected to.
import { markShared } from '../transformer';
import type { LiveFrame } from './types';

type Listener = (frame: LiveFrame) => void;

export class LiveHub {
  private readonly listeners = new Set<{ communityIds: ReadonlySet<number> | null; fn: Listener }>();

  /** `communityIds` null: every community (the district view). */
  subscribe(communityIds: ReadonlySet<number> | null, fn: Listener): () => void {
    const entry = { communityIds, fn };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  emit(frame: LiveFrame): void {
    // Every subscriber gets this same object: serialise it once (transformer.ts).
    markShared(frame);
    for (const { communityIds, fn } of this.listeners) {
      if (communityIds && !communityIds.has(frame.communityId)) continue;
      try {
        fn(frame);
      } catch (error) {
        console.error('live: a subscriber failed', error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
