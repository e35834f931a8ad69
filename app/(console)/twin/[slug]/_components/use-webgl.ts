'use client';
import { useSyncExternalStore } from 'react';

let supported: boolean | undefined;

/** Whether this browser can make a WebGL context; asked once (a context is costly), the answer never changes. */
function webglSupported(): boolean {
  if (supported === undefined) {
    try {
      const canvas = document.createElement('canvas');
      supported = Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
    } catch {
      supported = false;
    }
  }
  return supported;
}

const unchanging = () => () => {};

/** null until checked in the browser; false where no WebGL context can be made (old GPU, policy, headless without it). */
export function useWebglSupport(): boolean | null {
  return useSyncExternalStore(unchanging, webglSupported, () => null);
}
