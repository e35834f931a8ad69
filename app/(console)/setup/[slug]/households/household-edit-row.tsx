'use client';
import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';

type Household = {
  id: number;
  room: string;
  areaM2: number;
  occupants0to59: number;
  occupants60to79: number;
  occupants80plus: number;
  mobilityImpaired: number;
};

const FIELDS = ['areaM2', 'occupants0to59', 'occupants60to79', 'occupants80plus', 'mobilityImpaired'] as const;
const LABELS = {
  areaM2: 'area',
  occupants0to59: 'age0to59',
  occupants60to79: 'age60to79',
  occupants80plus: 'age80plus',
  mobilityImpaired: 'mobility',
} as const;

/** One household edited in its row; the owner's name and phone can be replaced but are never shown. */
export function HouseholdEditRow({ household, onDone }: { household: Household; onDone: () => void }) {
  const t = useTranslations('setupRegister');
  const locale = useLocale();
  const trpc = useTRPC();
  const save = useMutation(trpc.household.update.mutationOptions({ onSuccess: onDone }));
  const [values, setValues] = useState(() => Object.fromEntries(FIELDS.map((f) => [f, String(household[f])])));
  const [ownerName, setOwnerName] = useState('');
  const [ownerPhone, setOwnerPhone] = useState('');
  return (
    <tr>
      <td colSpan={8}>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              id: household.id,
              ...Object.fromEntries(FIELDS.map((f) => [f, Number(values[f])])),
              ownerName: ownerName.trim() || undefined,
              ownerPhone: ownerPhone.trim() || undefined,
            });
          }}
        >
          <strong>{household.room}</strong>
          {FIELDS.map((f) => (
            <label key={f}>
              {t(LABELS[f])}
              <input
                type="number"
                min={f === 'areaM2' ? 0.01 : 0}
                max={f === 'areaM2' ? 2000 : 20}
                step={f === 'areaM2' ? 0.01 : 1}
                required
                value={values[f]}
                onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
              />
            </label>
          ))}
          <label>
            {t('ownerName')}
            <input
              value={ownerName}
              maxLength={40}
              placeholder={t('unchanged')}
              onChange={(e) => setOwnerName(e.target.value)}
            />
          </label>
          <label>
            {t('ownerPhone')}
            <input
              value={ownerPhone}
              maxLength={20}
              placeholder={t('unchanged')}
              onChange={(e) => setOwnerPhone(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('save')}
          </button>
          <button type="button" onClick={onDone}>
            {t('cancel')}
          </button>
        </form>
        {save.error && (
          <p role="alert" className="error">
            {serverErrorMessage(save.error, locale)}
          </p>
        )}
      </td>
    </tr>
  );
}
