'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { formatFen } from '~/app/_components/ui/money';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import type { RouterOutputs } from '~/app/_trpc/types';
import type { CoverageSettings } from '~/db/schema/plan';

const WAN = 1_000_000; // fen in 万元

type Found = RouterOutputs['planner']['optimize'];
type Props = { slug: string; settings: CoverageSettings; onChoose: (unitIds: number[]) => void };

/** Whether a result was reckoned under these settings, budget and cap (else it no longer matches the figures above). */
const sameAsked = (f: Found, settings: CoverageSettings, budgetFen: number, subsidyCapFen: number) =>
  f.settings.minAge === settings.minAge &&
  f.settings.minFloor === settings.minFloor &&
  f.budgetFen === budgetFen &&
  f.subsidyCapFen === subsidyCapFen;

/**
 * Asks the optimizer for the units that serve the most stranded residents within a budget and a
 * subsidy cap, and lists the units it chose. A result belongs to the settings, budget and cap it
 * was reckoned under: once any of them changes it is withdrawn, with a note to run it again, so
 * it never contradicts the coverage figures above it.
 */
export function OptimizerForm({ slug, settings, onChoose }: Props) {
  const t = useTranslations('planner');
  const tm = useTranslations('money');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [budget, setBudget] = useState('300');
  const [cap, setCap] = useState('100');
  // The outcome is kept as data and worded at render time, so it follows a language switch.
  const [state, setState] = useState<{ pending?: boolean; error?: string; found?: Found }>({});
  const budgetFen = Math.round(Number(budget) * WAN);
  const subsidyCapFen = Math.round(Number(cap) * WAN);
  const found = state.found && sameAsked(state.found, settings, budgetFen, subsidyCapFen) ? state.found : undefined;
  const stale = !!state.found && !found;
  return (
    <form
      className="panel inline-form"
      aria-labelledby="optimizer-title"
      data-testid="optimizer"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!(budgetFen >= 0 && subsidyCapFen >= 0)) return setState({ error: t('optimizerBadInput') });
        setState({ pending: true });
        try {
          const r = await queryClient.fetchQuery(
            trpc.planner.optimize.queryOptions({ slug, budgetFen, subsidyCapFen, settings }),
          );
          onChoose(r.unitIds);
          setState({ found: r });
        } catch (error) {
          setState({ error: serverErrorMessage(error, locale) });
        }
      }}
    >
      <h2 id="optimizer-title" className="full">
        {t('optimizerTitle')}
      </h2>
      <label>
        {t('budget')}
        <input type="number" min={0} step={10} value={budget} onChange={(e) => setBudget(e.target.value)} required />
      </label>
      <label>
        {t('subsidyCap')}
        <input type="number" min={0} step={10} value={cap} onChange={(e) => setCap(e.target.value)} required />
      </label>
      <button type="submit" className="primary" disabled={state.pending}>
        {state.pending ? t('optimizing') : stale ? t('optimizeAgain') : t('optimize')}
      </button>
      <span className="small muted grow">{t('optimizerHelp')}</span>
      {state.error && (
        <p role="alert" className="error full">
          {state.error}
        </p>
      )}
      <div role="status" className="full" data-testid="optimizer-result">
        {stale && <p className="notice small">{t('optimizerStale')}</p>}
        {found && (
          <>
            <p className="ok">
              {found.unitIds.length === 0
                ? t('optimizerNone')
                : t(found.optimal ? 'optimizerDone' : 'optimizerStopped', {
                    n: found.unitIds.length,
                    value: found.value,
                  })}
            </p>
            {found.chosen.length > 0 && (
              <div className="table-scroll">
                <table className="compact" data-testid="optimizer-chosen">
                  <caption className="sr-only">{t('chosenTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('unit')}</th>
                      <th scope="col" className="num">
                        {t('chosenServed')}
                      </th>
                      <th scope="col">{t('consent')}</th>
                      <th scope="col" className="num">
                        {t('cost')}
                      </th>
                      <th scope="col" className="num">
                        {t('subsidy')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {found.chosen.map((u) => (
                      <tr key={u.unitId}>
                        <th scope="row">{t('buildingUnit', { building: u.buildingName, unit: u.unitName })}</th>
                        <td className="num">{u.stranded}</td>
                        <td className={`small standing-${u.consent}`}>{t(`standing.${u.consent}`)}</td>
                        <td className="num nowrap">{formatFen(u.costFen, tm)}</td>
                        <td className="num nowrap">{formatFen(u.subsidyFen, tm)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('chosenTotal')}</th>
                      <td className="num">{found.value}</td>
                      <td />
                      <td className="num nowrap">{formatFen(found.costFen, tm)}</td>
                      <td className="num nowrap">{formatFen(found.subsidyFen, tm)}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            )}
          </>
        )}
      </div>
    </form>
  );
}
