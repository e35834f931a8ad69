'use client';
import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useTRPC } from '~/app/_trpc/client';
import type { TwinScene } from '~/server/queries/twin-scene';
import { WHEN } from './when';

/** A throwing incident under review; selecting it replays its fall in the scene. */
export function IncidentDetails({ scene, incidentId }: { scene: TwinScene; incidentId: number }) {
  const t = useTranslations('twin');
  const format = useFormatter();
  const trpc = useTRPC();
  const q = useQuery(trpc.twin.incident.queryOptions({ id: incidentId }));
  if (q.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (q.isError) return <p role="alert">{t('loadError', { message: q.error.message })}</p>;
  const i = q.data;
  const b = scene.buildings.find((x) => x.id === i.buildingId);
  const where =
    i.floor != null
      ? t('incident.floorWindow', { floor: i.floor, column: i.windowColumn ?? '—' })
      : t('incident.floorBand', { from: i.floorBandFrom ?? '?', to: i.floorBandTo ?? '?' });
  return (
    <>
      <h2 data-testid="panel-title">{t('incident.title', { id: i.id })}</h2>
      <dl>
        <dt>{t('incident.at')}</dt>
        <dd>{format.dateTime(i.occurredAt, WHEN)}</dd>
        <dt>{t('incident.where')}</dt>
        <dd>
          {b?.name} {where}
        </dd>
        <dt>{t('incident.review')}</dt>
        <dd>{t(`review.${i.reviewState}`)}</dd>
        <dt>{t('incident.evidence')}</dt>
        <dd>{i.evidenceCount}</dd>
      </dl>
      <p className="muted">{t('incident.replay')} ▶</p>
    </>
  );
}
