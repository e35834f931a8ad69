'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { localName } from '~/app/_i18n/config';
import { useTRPC } from '~/app/_trpc/client';

import type { CommunityPage } from '~/server/domain/pages';

/** Which pages the account may open in each community (server/domain/pages.ts communityPagesFor); 'all' for an admin. */
export type CardPages = 'all' | Record<string, readonly CommunityPage[]>;

export function CommunityList({ pages, canFound }: { pages: CardPages; canFound: boolean }) {
  const trpc = useTRPC();
  const t = useTranslations('console');
  const tr = useTranslations('retrofit');
  const tTwin = useTranslations('twin');
  const tOps = useTranslations('ops');
  const locale = useLocale();
  const { data } = useSuspenseQuery(trpc.community.overview.queryOptions());
  const format = useFormatter();
  const may = (slug: string, page: CommunityPage) => pages === 'all' || !!pages[slug]?.includes(page);

  if (data.length === 0)
    return (
      <p className="notice" data-testid="no-communities">
        {canFound ? (
          <>
            {t('emptyFounder')} <Link href="/setup/new">{t('emptyFounderLink')}</Link>
          </>
        ) : (
          t('empty')
        )}
      </p>
    );
  return (
    <ul className="cards" style={{ listStyle: 'none', padding: 0 }}>
      {data.map((c) => (
        <li key={c.slug} className="card" data-testid="community-card">
          <h2>{localName(c, locale)}</h2>
          <div className="sub">{t('cardSub', { nameEn: c.nameEn, street: c.street })}</div>
          <dl className="figures">
            <div>
              <dd>{format.number(c.buildings)}</dd>
              <dt>{t('buildings')}</dt>
            </div>
            <div>
              <dd>{format.number(c.units)}</dd>
              <dt>{t('units')}</dt>
            </div>
            <div>
              <dd>{format.number(c.households)}</dd>
              <dt>{t('households')}</dt>
            </div>
            <div>
              <dd>{format.number(c.devices)}</dd>
              <dt>{t('devices')}</dt>
            </div>
            <div>
              <dd>
                {c.devices
                  ? format.number(c.devicesOnline / c.devices, { style: 'percent', maximumFractionDigits: 0 })
                  : '—'}
              </dd>
              <dt>{t('online')}</dt>
            </div>
            <div>
              <dd>{format.number(c.openAlarms)}</dd>
              <dt>{t('openAlarms')}</dt>
            </div>
            <div>
              <dd>{format.number(c.retrofitSigned)}</dd>
              <dt>{t('retrofitSigned')}</dt>
            </div>
            <div>
              <dd>{format.number(c.elevatorsInService)}</dd>
              <dt>{t('elevatorsInService')}</dt>
            </div>
          </dl>
          <div className="links">
            {may(c.slug, 'twin') && <Link href={`/twin/${c.slug}`}>{tTwin('open')}</Link>}
            {may(c.slug, 'ops') && <Link href={`/ops/${c.slug}`}>{tOps('nav')}</Link>}
            {may(c.slug, 'screen') && <Link href={`/screen/${c.slug}`}>{t('screenLink')}</Link>}
            {may(c.slug, 'status') && <Link href={`/status/${c.slug}`}>{t('statusPage')}</Link>}
            {may(c.slug, 'retrofit') && <Link href={`/retrofit/${c.slug}`}>{tr('pipelineLink')}</Link>}
            {may(c.slug, 'plan') && <Link href={`/plan/${c.slug}`}>{tr('plannerLink')}</Link>}
          </div>
        </li>
      ))}
    </ul>
  );
}
