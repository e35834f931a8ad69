'use client';
// The new-community form (onboard.create): particulars, the web address (slug), and the map
// anchor, typed as longitude/latitude in a named CRS (the reliable way) or picked on the map.
import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import type { MapCommunityMark } from './anchor-map';
import styles from '../setup.module.css';

const AnchorMap = dynamic(() => import('./anchor-map').then((m) => m.AnchorMap), { ssr: false });

type Founding = {
  anyStreet: boolean;
  streets: Array<{ street: string; district: string | null }>;
  communities: MapCommunityMark[];
};

const CRS = ['wgs84', 'gcj02', 'bd09'] as const;
type Crs = (typeof CRS)[number];

/** A slug suggested from the English name: lower case, words joined by hyphens. */
export function suggestSlug(nameEn: string): string {
  return nameEn
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

export function NewCommunityForm({ founding, tileUrl }: { founding: Founding; tileUrl: string | null }) {
  const t = useTranslations('setup');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  // A district account founds on its own street: fixed when it holds one, chosen when several.
  const fixedStreet = !founding.anyStreet && founding.streets.length === 1 ? founding.streets[0]! : null;
  const ownStreets = founding.anyStreet ? null : founding.streets;
  const [f, setF] = useState({
    name: '',
    nameEn: '',
    slug: '',
    street: fixedStreet?.street ?? '',
    district: fixedStreet?.district ?? '',
    address: '',
    contactPhone: '',
    contactAddress: '',
    officeHours: '',
    lng: '',
    lat: '',
    crs: 'wgs84' as Crs,
  });
  const [slugTouched, setSlugTouched] = useState(false);
  const create = useMutation(
    trpc.onboard.create.mutationOptions({ onSuccess: (c) => router.push(`/setup/${c.slug}/buildings`) }),
  );
  const set = (patch: Partial<typeof f>) => setF((old) => ({ ...old, ...patch }));
  const text = (key: keyof typeof f, max: number, opts: { required?: boolean; wide?: boolean; hint?: string } = {}) => (
    <label className={opts.wide ? styles.wide : undefined}>
      {t(`field.${key}`)}
      <input
        name={key}
        required={opts.required}
        maxLength={max}
        value={f[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
      {opts.hint && <span className={styles.hint}>{opts.hint}</span>}
    </label>
  );
  const lng = Number(f.lng);
  const lat = Number(f.lat);
  const picked = f.lng !== '' && f.lat !== '' && Number.isFinite(lng) && Number.isFinite(lat) ? { lng, lat } : null;
  const slugOk = /^[a-z0-9-]{1,64}$/.test(f.slug);
  return (
    <form
      className={`panel ${styles.form}`}
      data-testid="setup-new-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!picked || !slugOk) return;
        create.mutate({
          name: f.name,
          nameEn: f.nameEn || undefined,
          slug: f.slug,
          street: f.street,
          district: f.district,
          address: f.address || null,
          contactPhone: f.contactPhone || null,
          contactAddress: f.contactAddress || null,
          officeHours: f.officeHours || null,
          lng,
          lat,
          crs: f.crs,
        });
      }}
    >
      {text('name', 60, { required: true })}
      <label>
        {t('field.nameEn')}
        <input
          name="nameEn"
          maxLength={80}
          value={f.nameEn}
          onChange={(e) =>
            set({ nameEn: e.target.value, ...(slugTouched ? {} : { slug: suggestSlug(e.target.value) }) })
          }
        />
      </label>
      <label>
        {t('field.slug')}
        <input
          name="slug"
          required
          maxLength={64}
          pattern="[a-z0-9\-]{1,64}"
          value={f.slug}
          aria-invalid={f.slug !== '' && !slugOk}
          onChange={(e) => {
            setSlugTouched(true);
            set({ slug: e.target.value.trim().toLowerCase() });
          }}
        />
        <span className={styles.hint}>{t('slugHint', { url: `/status/${f.slug || 'guiyuan'}` })}</span>
      </label>
      {fixedStreet ? (
        <label>
          {t('field.street')}
          <input name="street" value={f.street} readOnly aria-readonly />
          <span className={styles.hint}>{t('streetFixed')}</span>
        </label>
      ) : ownStreets ? (
        <label>
          {t('field.street')}
          <select
            name="street"
            required
            value={f.street}
            onChange={(e) =>
              set({
                street: e.target.value,
                district: ownStreets.find((s) => s.street === e.target.value)?.district ?? f.district,
              })
            }
          >
            <option value="" />
            {ownStreets.map((s) => (
              <option key={s.street} value={s.street}>
                {s.street}
              </option>
            ))}
          </select>
          <span className={styles.hint}>{t('streetFixed')}</span>
        </label>
      ) : (
        <label>
          {t('field.street')}
          <input
            name="street"
            required
            maxLength={60}
            list="setup-streets"
            value={f.street}
            onChange={(e) => {
              const known = founding.streets.find((s) => s.street === e.target.value);
              set({ street: e.target.value, ...(known?.district && !f.district ? { district: known.district } : {}) });
            }}
          />
          <datalist id="setup-streets">
            {founding.streets.map((s) => (
              <option key={s.street} value={s.street} />
            ))}
          </datalist>
        </label>
      )}
      {text('district', 60, { required: true })}
      {text('address', 200, { wide: true })}
      {text('contactPhone', 30)}
      {text('contactAddress', 200)}
      {text('officeHours', 100)}

      <fieldset className={styles.wide}>
        <legend>{t('anchorTitle')}</legend>
        <p className="small muted">{t('anchorHelp')}</p>
        <div className={styles.form}>
          <label>
            {t('field.lng')}
            <input
              name="lng"
              inputMode="decimal"
              required
              value={f.lng}
              onChange={(e) => set({ lng: e.target.value.trim() })}
            />
          </label>
          <label>
            {t('field.lat')}
            <input
              name="lat"
              inputMode="decimal"
              required
              value={f.lat}
              onChange={(e) => set({ lat: e.target.value.trim() })}
            />
          </label>
          <label>
            {t('field.crs')}
            <select name="crs" value={f.crs} onChange={(e) => set({ crs: e.target.value as Crs })}>
              {CRS.map((c) => (
                <option key={c} value={c}>
                  {t(`crs.${c}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className={styles.map} style={{ marginTop: '0.75rem' }} data-testid="setup-anchor-map">
          <AnchorMap
            communities={founding.communities}
            picked={f.crs === 'wgs84' ? picked : null}
            tileUrl={tileUrl}
            onPick={(pLng, pLat) => set({ lng: String(pLng), lat: String(pLat), crs: 'wgs84' })}
          />
        </div>
        <p className={styles.hint}>{t('mapHint')}</p>
      </fieldset>

      <div className={`${styles.actions} ${styles.wide}`}>
        <button type="submit" className="primary" disabled={create.isPending || !picked || !slugOk}>
          {create.isPending ? t('creating') : t('create')}
        </button>
        {!picked && <span className="small muted">{t('needAnchor')}</span>}
        {create.error && (
          <span role="alert" className="error" data-testid="setup-new-error">
            {serverErrorMessage(create.error, locale)}
          </span>
        )}
      </div>
    </form>
  );
}
