import { TRPCError } from '@trpc/server';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatFen } from '~/app/_components/ui/money';
import { localName } from '~/app/_i18n/config';
import { pageTitle } from '~/app/_i18n/page-title';
import { getCaller } from '~/app/_trpc/server';
import { localDay } from '~/lib/calendar';
import { plannerUser } from '../../../guard';
import { PrintButton } from './print-button';
import { NoRoleHere } from '~/app/_components/ui/no-role-here';
import { FloorSharesTable } from '../../_components/floor-shares-table';

type Props = { params: Promise<{ slug: string; id: string }> };

export const generateMetadata = pageTitle('scenarioReport');

/** A printable scenario report: server-rendered, no charts, prints on A4. */
export default async function ScenarioReport({ params }: Props) {
  const { slug, id } = await params;
  const { allowed } = await plannerUser(`/plan/${slug}/report/${id}`, slug);
  const [t, ts, tm, locale] = await Promise.all([
    getTranslations('planner'),
    getTranslations('retrofit.stages'),
    getTranslations('money'),
    getLocale(),
  ]);
  if (!allowed) return <NoRoleHere need="planner" />;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const caller = await getCaller();
  const [s, community] = await Promise.all([
    caller.planner.scenario({ id: Number(id) }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
      throw error;
    }),
    caller.community.bySlug({ slug }).catch(() => notFound()),
  ]);
  if (s.communityId !== community.id) notFound();
  const e = s.evaluation;
  return (
    <article className="report">
      <div className="row no-print">
        <Link href={`/plan/${slug}`}>← {t('back')}</Link>
        <span className="spacer" />
        <PrintButton label={t('print')} />
      </div>
      <h1>{t('reportTitle', { name: s.name })}</h1>
      <p className="muted">
        {localName(community, locale)} · {t('thresholds')} {s.settings.minAge}+ · ≥{s.settings.minFloor}F ·{' '}
        {t('savedOn', { date: localDay(s.createdAt) })}
      </p>
      <table>
        <tbody>
          <tr>
            <th scope="row">{t('strandedNow')}</th>
            <td className="num">{e.before.stranded}</td>
          </tr>
          <tr>
            <th scope="row">{t('strandedLeft')}</th>
            <td className="num">{e.after.stranded}</td>
          </tr>
          <tr>
            <th scope="row">{t('householdsGain')}</th>
            <td className="num">{e.after.householdsStepFree - e.before.householdsStepFree}</td>
          </tr>
          <tr>
            <th scope="row">{t('elderlyStepFree')}</th>
            <td className="num">
              {e.before.residents60plusStepFree} → {e.after.residents60plusStepFree}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('impairedStepFree')}</th>
            <td className="num">
              {e.before.mobilityImpairedStepFree} → {e.after.mobilityImpairedStepFree}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('cost')}</th>
            <td className="num">{formatFen(e.totalFen, tm)}</td>
          </tr>
          <tr>
            <th scope="row">{t('subsidy')}</th>
            <td className="num">{formatFen(e.subsidyFen, tm)}</td>
          </tr>
          <tr>
            <th scope="row">{t('owners')}</th>
            <td className="num">{formatFen(e.ownersFen, tm)}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('unitsTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('unit')}</th>
            <th scope="col">{t('stage')}</th>
            <th scope="col">{t('consent')}</th>
            <th scope="col" className="num">
              {t('stranded')}
            </th>
            <th scope="col" className="num">
              {t('cost')}
            </th>
            <th scope="col" className="num">
              {t('subsidy')}
            </th>
          </tr>
        </thead>
        <tbody>
          {s.units.map((u) => (
            <tr key={u.unitId}>
              <th scope="row">
                {u.buildingName}
                {u.unitName}
              </th>
              <td>{u.stage ? ts(u.stage) : '—'}</td>
              <td>
                {u.standing === 'met'
                  ? t('standing.met')
                  : u.missing
                    ? t('missingN', { n: u.missing.households })
                    : t('standing.far')}
              </td>
              <td className="num">{u.stranded}</td>
              <td className="num">
                {formatFen(u.totalCostFen, tm)}
                {u.costEstimated ? '*' : ''}
              </td>
              <td className="num">{formatFen(u.subsidyFen, tm)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('chartFloors')}</h2>
      <FloorSharesTable floors={e.byFloor} />
      <p className="small muted">{t('reportNote')}</p>
    </article>
  );
}
