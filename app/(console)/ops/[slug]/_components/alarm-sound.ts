'use client';
// The desk's optional sound for new alarms: off until the operator turns it on, remembered in
// this browser. A short tone made with WebAudio (no audio file to load or host); 紧急 is louder,
// higher and repeated, so it is told apart from the room.
import { useSyncExternalStore } from 'react';
import type { AlarmSeverity } from '~/db/vocab';

const KEY = 'linli.ops.sound';
const CHANGED = 'linli-ops-sound';

let context: AudioContext | null = null;

/** The one audio context; browsers start it only after a click, which the toggle provides. */
function audio(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null;
  context ??= new window.AudioContext();
  if (context.state === 'suspended') void context.resume();
  return context;
}

const TONE: Record<AlarmSeverity, { hz: number; gain: number; beeps: number }> = {
  critical: { hz: 988, gain: 0.6, beeps: 3 },
  major: { hz: 784, gain: 0.35, beeps: 2 },
  minor: { hz: 659, gain: 0.2, beeps: 1 },
  warning: { hz: 523, gain: 0.15, beeps: 1 },
};

/** One chime for the most severe of the alarms that arrived. */
export function chime(severity: AlarmSeverity): void {
  const ctx = audio();
  if (!ctx) return;
  const { hz, gain, beeps } = TONE[severity];
  const start = ctx.currentTime + 0.02;
  for (let i = 0; i < beeps; i++) {
    const t = start + i * 0.32;
    const osc = ctx.createOscillator();
    const amp = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = hz;
    // A soft attack and release: a click-free beep of about 0.2 s.
    amp.gain.setValueAtTime(0.0001, t);
    amp.gain.exponentialRampToValueAtTime(gain, t + 0.02);
    amp.gain.exponentialRampToValueAtTime(0.0001, t + 0.22);
    osc.connect(amp).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.25);
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

const read = () => {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
};

/** Whether the sound is on in this browser (off on the server and by default), and its switch. */
export function useAlarmSound(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read, () => false);
  const set = (next: boolean) => {
    try {
      window.localStorage.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // A browser that refuses storage keeps the choice for this page only.
    }
    window.dispatchEvent(new Event(CHANGED));
    if (next) chime('warning');
  };
  return [on, set];
}
