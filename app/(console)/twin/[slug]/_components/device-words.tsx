'use client';
// A telemetry field and its value in the reader's words: "电量 33 %", "烟雾 无烟雾",
// "运行方向 上行". The catalog (lib/telemetry-fields.ts) says what a field is; the
// `device` messages say it; numbers go through next-intl's formatter. A field the
// catalog does not know still shows, under a neutral numbered label.
import { useFormatter, useTranslations, type createFormatter, type createTranslator } from 'next-intl';
import { fieldSpec, noFault, type FieldSpec } from '~/lib/telemetry-fields';

type Translate = Pick<ReturnType<typeof createTranslator>, 'has'> &
  ((key: string, values?: Record<string, string | number>) => string);
type Format = Pick<ReturnType<typeof createFormatter>, 'number' | 'dateTime'>;

export function useDeviceWords() {
  return deviceWords(useTranslations('device') as unknown as Translate, useFormatter());
}

/** The words for `t` (the `device` messages) and `format`; apart from React so tests can call it. */
export function deviceWords(t: Translate, format: Format) {
  /** A number in a field's unit, to the field's decimals. */
  const measure = (spec: Extract<FieldSpec, { kind: 'number' }> | null, value: number) => {
    const n = format.number(value, { maximumFractionDigits: spec?.digits ?? 2 });
    return spec?.unit ? t(`unit.${spec.unit}`, { value: n }) : n;
  };

  /** Any value as plain words, for a field the catalog does not know or a value of the wrong type. */
  const plain = (value: unknown): string => {
    if (value === null || value === undefined) return t('none');
    if (typeof value === 'boolean') return value ? t('yes') : t('no');
    if (typeof value === 'number') return format.number(value, { maximumFractionDigits: 3 });
    if (typeof value === 'string') return value;
    return JSON.stringify(value);
  };

  return {
    t,
    format,
    /** The field's label; `n` numbers the fields the catalog does not know. */
    label(name: string, n = 1): string {
      return fieldSpec(name) && t.has(`field.${name}`) ? t(`field.${name}`) : t('unknownField', { n });
    },
    /** The field's value in words and units. */
    value(name: string, value: unknown): string {
      const spec = fieldSpec(name);
      if (!spec) return plain(value);
      switch (spec.kind) {
        case 'number':
          return typeof value === 'number' ? measure(spec, value) : plain(value);
        case 'boolean':
          return typeof value === 'boolean' && t.has(`bool.${name}.${value}`)
            ? t(`bool.${name}.${value}`)
            : plain(value);
        case 'enum':
          return typeof value === 'string' && t.has(`enum.${name}.${value}`)
            ? t(`enum.${name}.${value}`)
            : plain(value);
        case 'faultCode':
          return noFault(value) ? t('noFault') : plain(value);
        case 'text':
          return plain(value);
      }
    },
    /** A bare number in a field's unit (the charts' axis and tooltip). */
    measure(name: string, value: number): string {
      const spec = fieldSpec(name);
      return measure(spec?.kind === 'number' ? spec : null, value);
    },
  };
}

export type DeviceWords = ReturnType<typeof deviceWords>;
