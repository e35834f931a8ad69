'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import type { CoverageSettings } from '~/db/schema/plan';

const WAN = 1_000_000; // fen in 万元

type Props = { slug: string; settings: CoverageSettings; onChoose: (unitIds: number[]) => void };

/** Asks the optimizer for the units that serve the most stranded residents within a budget and a subsidy cap. */
export function OptimizerForm({ slug, settings, onChoose }: Props) {
  const t = useTranslations('planner');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [budget, setBudget] = useState('300');
  const [cap, setCap] = useState('100');
  // The outcome is kept as data and worded at render time, so it follows a language switch.
  const [state, setState] = useState<{
    pending?: boolean;
    error?: string;
    found?: { n: number; value: number; optimal: boolean };
  }>({});
  return (
    <form
      className="panel inline-form"
      aria-labelledby="optimizer-title"
      onSubmit={async (e) => {
        e.preventDefault();
        const budgetFen = Math.round(Number(budget) * WAN);
        const subsidyCapFen = Math.round(Number(cap) * WAN);
        if (!(budgetFen >= 0 && subsidyCapFen >= 0)) return setState({ error: t('optimizerBadInput') });
        setState({ pending: true });
        try {
          const r = await queryClient.fetchQuery(
            trpc.planner.optimize.queryOptions({ slug, budgetFen, subsidyCapFen, settings }),
          );
          onChoose(r.unitIds);
          setState({ found: { n: r.unitIds.length, value: r.value, optimal: r.optimal } });
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
        {state.pending ? t('optimizing') : t('optimize')}
      </button>
      <span className="small muted grow">{t('optimizerHelp')}</span>
      {state.error && (
        <p role="alert" className="error full">
          {state.error}
        </p>
      )}
      {state.found && (
        <p role="status" className="ok full">
          {state.found.n === 0
            ? t('optimizerNone')
            : t(state.found.optimal ? 'optimizerDone' : 'optimizerStopped', {
                n: state.found.n,
                value: state.found.value,
              })}
        </p>
      )}
    </form>
  );
}
