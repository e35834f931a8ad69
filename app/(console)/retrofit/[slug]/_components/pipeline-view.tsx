'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { EChart } from '~/app/_components/charts/echart';
import { formatFen } from '~/app/_components/ui/money';
import { StageBadge, StuckBadge } from '~/app/_components/ui/stage-badge';
import { localName } from '~/app/_i18n/config';
import { useTRPC } from '~/app/_trpc/client';
import { RETROFIT_STAGES, RETROFIT_STAGES_ALL, type RetrofitStage } from '~/db/vocab';
import { STAGE_COLOR } from '~/lib/status-palette';
import type { RouterOutputs } from '~/app/_trpc/types';
import { CaseDetail } from './case-detail';
import { ConsentCell } from './consent-cell';
import { ImportForm } from './import-form';
import { MeetingsLog } from './meetings-log';

export type Pipeline = RouterOutputs['retrofit']['pipeline'];
export type PipelineCase = Pipeline['cases'][number];

/**
 * The funnel in the stages' own hues (lib/status-palette.ts STAGE_COLOR): blues while planned,
 * teal while built, green in service — never the chart library's default reds and oranges.
 */
const FUNNEL_COLOR: Record<(typeof RETROFIT_STAGES)[number], string> = {
  intent: '#a4c6f4',
  vote: '#7eaeee',
  signed: '#5b99e7',
  design: STAGE_COLOR.planned,
  publicity: '#2f74cc',
  permit: '#1f5fb3',
  construction: STAGE_COLOR.construction,
  acceptance: '#0b7a6e',
  in_service: STAGE_COLOR.done,
};

/** Which cases the table shows: all, one stage, or the stuck ones (卡住, server/domain/stage-rules.ts). */
type Filter = 'all' | 'stuck' | RetrofitStage;
const shows = (f: Filter, c: PipelineCase) => f === 'all' || (f === 'stuck' ? c.stuck !== null : c.stage === f);

export function PipelineView({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const t = useTranslations('retrofit');
  const ts = useTranslations('retrofit.stages');
  const tm = useTranslations('money');
  const locale = useLocale();
  const format = useFormatter();
  const { data } = useSuspenseQuery(trpc.retrofit.pipeline.queryOptions({ slug }));
  const [selected, setSelected] = useState<number | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const current = data.cases.find((c) => c.caseId === selected) ?? null;

  // Funnel: how many cases ever reached each stage (a stalled case keeps the stages it passed).
  const funnel = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          top: 8,
          bottom: 8,
          left: '8%',
          width: '84%',
          minSize: '12%',
          gap: 2,
          label: { show: true, position: 'inside', formatter: '{b}  {c}', fontSize: 13, color: '#ffffff' },
          data: RETROFIT_STAGES.map((s, i) => ({
            name: ts(s),
            value: data.cases.filter((c) => c.history.some((h) => h.stage === s)).length,
            itemStyle: { color: FUNNEL_COLOR[s] },
            // The three palest blues carry dark text; the rest white.
            ...(i < 3 && { label: { color: '#0b1f3a' } }),
          })),
        },
      ],
    }),
    [data.cases, ts],
  );

  if (data.cases.length === 0) return <p className="notice">{t('empty')}</p>;
  const name = localName(data.community, locale);
  const count = (f: (c: PipelineCase) => boolean) => data.cases.filter(f).length;
  const rows = data.cases.filter((c) => shows(filter, c));
  const filters: Filter[] = [
    'all',
    'stuck',
    ...RETROFIT_STAGES_ALL.filter((s) => data.cases.some((c) => c.stage === s)),
  ];
  return (
    <>
      <h1>{t('title', { name })}</h1>
      <p className="muted">{t('lead', { today: data.today })}</p>
      <ul className="kpis">
        <li>
          <span className="n">{data.cases.length}</span>
          <span className="l">{t('kpiCases')}</span>
        </li>
        <li>
          <span className="n" data-testid="kpi-signed">
            {count((c) => c.history.some((h) => h.stage === 'signed'))}
          </span>
          <span className="l">{t('kpiSigned')}</span>
        </li>
        <li>
          <span className="n">{count((c) => c.stage === 'in_service')}</span>
          <span className="l">{t('kpiInService')}</span>
        </li>
        <li>
          <span className="n">{count((c) => c.stage === 'publicity')}</span>
          <span className="l">{t('kpiPublicity')}</span>
        </li>
        <li>
          <span className="n" data-testid="kpi-stuck">
            {count((c) => c.stuck !== null)}
          </span>
          <span className="l">{t('kpiStuck')}</span>
        </li>
      </ul>
      <div className="split">
        <section className="panel" aria-labelledby="funnel-title">
          <h2 id="funnel-title">{t('funnelTitle')}</h2>
          <EChart option={funnel} label={t('funnelTitle')} height={360} />
        </section>
        <MeetingsLog meetings={data.meetings} cases={data.cases} />
      </div>
      <h2 id="cases-title">{t('tableTitle')}</h2>
      <div className="chips" role="group" aria-label={t('filterLabel')} data-testid="stage-filters">
        {filters.map((f) => (
          <button
            key={f}
            type="button"
            className={`chip${f === 'stuck' ? ' chip-stuck' : ''}`}
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
          >
            {f === 'all' ? t('filterAll') : f === 'stuck' ? t('stuck') : ts(f)}{' '}
            <span className="chip-n">{count((c) => shows(f, c))}</span>
          </button>
        ))}
      </div>
      <p className="small muted" data-testid="stuck-rule">
        {t('stuckHelp', {
          limits: format.list(
            Object.entries(data.stuckLimits.days).map(([s, n]) =>
              t('stuckLimit', { stage: ts(s as RetrofitStage), n }),
            ),
          ),
          grace: data.stuckLimits.publicityGraceDays,
        })}
      </p>
      {rows.length === 0 && <p className="notice">{t('filterEmpty')}</p>}
      <div className="table-scroll" hidden={rows.length === 0}>
        <table data-testid="pipeline-table">
          <thead>
            <tr>
              <th scope="col">{t('unit')}</th>
              <th scope="col">{t('stage')}</th>
              <th scope="col">{t('lastChange')}</th>
              <th scope="col">{t('consent')}</th>
              <th scope="col">{t('publicity')}</th>
              <th scope="col" className="num">
                {t('objections')}
              </th>
              <th scope="col" className="num">
                {t('cost')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('details')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const last = c.history.at(-1);
              const open = c.objections.filter((o) => o.resolvedOn === null).length;
              return (
                <tr key={c.caseId} className={c.caseId === selected ? 'selected' : undefined}>
                  <th scope="row">
                    {c.buildingName}
                    {c.unitName}
                  </th>
                  <td>
                    <StageBadge stage={c.stage} />
                    {c.stuck && <StuckBadge stuck={c.stuck} />}
                    {c.stage === 'stalled' && c.stalledReason && <div className="small muted">{c.stalledReason}</div>}
                  </td>
                  <td className="nowrap">{last?.on ?? '—'}</td>
                  <td>
                    <ConsentCell consent={c.consent} />
                  </td>
                  <td className="small">
                    {c.publicity ? (
                      <>
                        {c.publicity.startsOn} → {c.publicity.endsOn}
                        {c.publicity.running && (
                          <div className={c.publicity.daysLeft > 0 ? 'pending' : 'ok'}>
                            {t('daysLeft', { n: c.publicity.daysLeft })}
                          </div>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="num">
                    {c.objections.length}
                    {open > 0 && <span className="pending"> ({t('openN', { n: open })})</span>}
                  </td>
                  <td className="num nowrap">{formatFen(c.totalCostFen, tm)}</td>
                  <td className="nowrap">
                    <button
                      type="button"
                      onClick={() => setSelected(c.caseId === selected ? null : c.caseId)}
                      aria-expanded={c.caseId === selected}
                      aria-controls={c.caseId === selected ? 'case-detail' : undefined}
                    >
                      {t('details')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {current && (
        <CaseDetail
          key={current.caseId}
          slug={slug}
          c={current}
          today={data.today}
          canEdit={canEdit}
          onClose={() => setSelected(null)}
        />
      )}
      {canEdit && <ImportForm slug={slug} />}
    </>
  );
}
