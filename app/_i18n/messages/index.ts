// Messages per feature: each feature keeps its own pair of files
// (<feature>.zh.json / <feature>.en.json) under its own top-level keys, and
// registers them here.
import type { Locale } from '../config';

type Messages = Record<string, unknown>;

const FEATURES: Record<Locale, Array<() => Promise<{ default: Messages }>>> = {
  zh: [
    () => import('./zh.json'),
    () => import('./twin.zh.json'),
    () => import('./retrofit.zh.json'),
    () => import('./screen.zh.json'),
    () => import('./ops.zh.json'),
    () => import('./public.zh.json'),
    () => import('./kiosk.zh.json'),
    () => import('./alarm.zh.json'),
    () => import('./errors.zh.json'),
    () => import('./live.zh.json'),
    () => import('./accounts.zh.json'),
    () => import('./setup.zh.json'),
    () => import('./setup-register.zh.json'),
    () => import('./setup-site.zh.json'),
    () => import('./device.zh.json'),
    () => import('./map.zh.json'),
  ],
  en: [
    () => import('./en.json'),
    () => import('./twin.en.json'),
    () => import('./retrofit.en.json'),
    () => import('./screen.en.json'),
    () => import('./ops.en.json'),
    () => import('./public.en.json'),
    () => import('./kiosk.en.json'),
    () => import('./alarm.en.json'),
    () => import('./errors.en.json'),
    () => import('./live.en.json'),
    () => import('./accounts.en.json'),
    () => import('./setup.en.json'),
    () => import('./setup-register.en.json'),
    () => import('./setup-site.en.json'),
    () => import('./device.en.json'),
    () => import('./map.en.json'),
  ],
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(FEATURES[locale].map((load) => load()));
  return Object.assign({}, ...parts.map((p) => p.default));
}
