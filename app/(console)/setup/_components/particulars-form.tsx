'use client';
// A community's particulars (onboard.update): name, street office, address and the contact the
// public pages show; the anchor only while there are no buildings (everything is measured from it).
import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import styles from '../setup.module.css';

type Fields = {
  name: string;
  nameEn: string;
  street: string;
  district: string;
  address: string;
  contactPhone: string;
  contactAddress: string;
  officeHours: string;
};

export function ParticularsForm({
  slug,
  initial,
  anchor,
}: {
  slug: string;
  initial: Fields;
  anchor: { lng: number; lat: number; fixed: boolean };
}) {
  const t = useTranslations('setup');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [f, setF] = useState(initial);
  const save = useMutation(trpc.onboard.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const field = (key: keyof Fields, opts: { required?: boolean; max: number; wide?: boolean; type?: string }) => (
    <label className={opts.wide ? styles.wide : undefined}>
      {t(`field.${key}`)}
      <input
        name={key}
        type={opts.type ?? 'text'}
        required={opts.required}
        maxLength={opts.max}
        value={f[key]}
        onChange={(e) => setF({ ...f, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <section className={`panel ${styles.section}`} aria-labelledby="particulars-title">
      <h2 id="particulars-title">{t('particularsTitle')}</h2>
      <form
        className={styles.form}
        data-testid="setup-particulars"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            slug,
            ...f,
            address: f.address || null,
            contactPhone: f.contactPhone || null,
            contactAddress: f.contactAddress || null,
            officeHours: f.officeHours || null,
          });
        }}
      >
        {field('name', { required: true, max: 60 })}
        {field('nameEn', { max: 80 })}
        {field('street', { required: true, max: 60 })}
        {field('district', { required: true, max: 60 })}
        {field('address', { max: 200, wide: true })}
        {field('contactPhone', { max: 30, type: 'tel' })}
        {field('contactAddress', { max: 200 })}
        {field('officeHours', { max: 100 })}
        <p className={`${styles.wide} small muted`}>
          {t('anchorNow', { lng: anchor.lng.toFixed(6), lat: anchor.lat.toFixed(6) })}{' '}
          {anchor.fixed ? t('anchorFixed') : ''}
        </p>
        <div className={styles.actions}>
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? t('saving') : t('save')}
          </button>
          {save.isSuccess && (
            <span role="status" className="ok">
              {t('saved')}
            </span>
          )}
          {save.error && (
            <span role="alert" className="error">
              {serverErrorMessage(save.error, locale)}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
