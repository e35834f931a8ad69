'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import { RETROFIT_STAGES, RETROFIT_STAGES_ALL, stageIndex, type RetrofitStage } from '~/db/vocab';
import type { PipelineCase } from './pipeline-view';

/** The stage a case would normally go to next; the server judges every move anyway. */
function nextStage(c: PipelineCase): RetrofitStage {
  const from =
    c.stage === 'stalled' ? ([...c.history].reverse().find((h) => h.stage !== 'stalled')?.stage ?? 'intent') : c.stage;
  return RETROFIT_STAGES[Math.min(stageIndex(from) + 1, RETROFIT_STAGES.length - 1)] ?? 'intent';
}

export function MoveForm({ slug, c, today }: { slug: string; c: PipelineCase; today: string }) {
  const t = useTranslations('retrofit');
  const ts = useTranslations('retrofit.stages');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [to, setTo] = useState<RetrofitStage>(nextStage(c));
  const [on, setOn] = useState(today);
  const [note, setNote] = useState('');
  const [proposal, setProposal] = useState(c.publicity?.proposal ?? '');
  const move = useMutation(
    trpc.retrofit.move.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.retrofit.pipeline.queryKey({ slug }) }),
    }),
  );
  if (c.stage === 'in_service') return <p className="muted small">{t('finished')}</p>;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        move.mutate({
          caseId: c.caseId,
          to,
          on,
          note: note || undefined,
          publicityProposal: to === 'publicity' ? proposal : undefined,
        });
      }}
    >
      <h3>{t('moveTitle')}</h3>
      <label>
        {t('moveTo')}
        <select value={to} onChange={(e) => setTo(e.target.value as RetrofitStage)}>
          {RETROFIT_STAGES_ALL.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('moveOn')}
        <input type="date" value={on} max={today} onChange={(e) => setOn(e.target.value)} required />
      </label>
      <label className="grow">
        {to === 'stalled' ? t('stallReason') : t('note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      {to === 'publicity' && (
        <label className="grow">
          {t('proposal')}
          <input value={proposal} onChange={(e) => setProposal(e.target.value)} maxLength={500} required />
        </label>
      )}
      <button type="submit" className="primary" disabled={move.isPending}>
        {move.isPending ? t('saving') : t('moveSubmit')}
      </button>
      {move.error && (
        <p role="alert" className="error" data-testid="move-error">
          {serverErrorMessage(move.error, locale)}
        </p>
      )}
      {move.isSuccess && (
        <p role="status" className="ok">
          {t('moved', { stage: ts(move.data.stage), on: move.data.on })}
        </p>
      )}
    </form>
  );
}
