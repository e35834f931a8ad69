'use client';
import { useEffect, useState } from 'react';

/** null until checked in the browser; false where no WebGL context can be made (old GPU, policy, headless without it). */
export function useWebglSupport(): boolean | null {
  const [ok, setOk] = useState<boolean | null>(null);
  useEffect(() => {
    try {
      const canvas = document.createElement('canvas');
      setOk(Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl')));
    } catch {
      setOk(false);
    }
  }, []);
  return ok;
}
