'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import styles from '../ops.module.css';

type Props = {
  slug: string;
  alarm: {
    id: number;
    incidentId: number | null;
    kind: string;
    reviewState: string | null;
    evidence: string[];
    assigneeName: string | null;
  };
  onChange: () => void;
};

/** The audit trail of one alarm, a note box, and the review of a throwing incident. */
export function AlarmTrail({ slug, alarm, onChange }: Props) {
  const t = useTranslations('ops');
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const history = useQuery(trpc.alarm.history.queryOptions({ id: alarm.id }));
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.alarm.history.queryKey({ id: alarm.id }) });
    onChange();
  };
  const note = useMutation(trpc.alarm.note.mutationOptions({ onSuccess: done }));
  const review = useMutation(trpc.alarm.review.mutationOptions({ onSuccess: done }));
  const assign = useMutation(trpc.alarm.assign.mutationOptions({ onSuccess: done }));
  const assignees = useQuery(trpc.alarm.assignees.queryOptions({ slug }));
  const [text, setText] = useState('');
  const [assignee, setAssignee] = useState('');
  const evidence = alarm.evidence[0] ?? `incident:${alarm.incidentId}`;
  return (
    <div>
      <strong>{t('history')}</strong>
      {history.data?.length === 0 && <p className="muted small">{t('noTrail')}</p>}
      <ol className={styles.trail} data-testid="alarm-trail">
        {history.data?.map((e) => (
          <li key={e.id}>
            {format.dateTime(e.at, 'trail')} · {e.actor === 'system' ? t('systemActor') : e.actorName} ·{' '}
            {t(`alarmActions.${e.action}`)}
            {e.toState && e.toState !== e.fromState ? ` → ${t(`states.${e.toState}`)}` : ''}
            {e.action === 'assign' ? ` · ${e.assigneeName}` : e.note ? ` · ${e.note}` : ''}
          </li>
        ))}
      </ol>
      <form
        className="inline-form"
        data-testid="alarm-assign"
        onSubmit={(ev) => {
          ev.preventDefault();
          // An account is chosen by its name and stored by its e-mail (its one stable identity);
          // anything else is a free-text name (a guard without an account).
          const typed = assignee.trim();
          const accounts = assignees.data?.accounts.filter((a) => a.name === typed || a.email === typed) ?? [];
          const value = accounts.length === 1 ? accounts[0]!.email : typed;
          if (value) assign.mutate({ id: alarm.id, assignee: value }, { onSuccess: () => setAssignee('') });
        }}
      >
        <label className="grow">
          {t('assignTo')} <span className="muted small">{t('assignHint')}</span>
          <input
            value={assignee}
            onChange={(ev) => setAssignee(ev.target.value)}
            maxLength={100}
            list={`assignees-${alarm.id}`}
            placeholder={alarm.assigneeName ?? ''}
            name="assignee"
          />
        </label>
        <datalist id={`assignees-${alarm.id}`}>
          {assignees.data?.accounts.map((a) => (
            <option key={a.email} value={a.name} />
          ))}
          {assignees.data?.names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <button type="submit" disabled={assign.isPending}>
          {t('assign')}
        </button>
      </form>
      <form
        className="inline-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (text.trim()) note.mutate({ id: alarm.id, note: text.trim() }, { onSuccess: () => setText('') });
        }}
      >
        <label className="grow">
          {t('note')}
          <input value={text} onChange={(ev) => setText(ev.target.value)} maxLength={500} />
        </label>
        <button type="submit" disabled={note.isPending}>
          {t('addNote')}
        </button>
      </form>
      {alarm.incidentId !== null && alarm.kind === 'throwing' && (
        <div className={styles.buttons}>
          <span>
            {t('review')}: {t(`review_states.${alarm.reviewState ?? 'pending'}`)} · {t('evidence')} {evidence}
          </span>
          {alarm.reviewState === 'pending' && (
            <>
              <button type="button" onClick={() => review.mutate({ id: alarm.id, decision: 'confirmed', evidence })}>
                {t('confirm')}
              </button>
              <button type="button" onClick={() => review.mutate({ id: alarm.id, decision: 'false_alarm', evidence })}>
                {t('falseAlarm')}
              </button>
            </>
          )}
          {(alarm.reviewState === 'pending' || alarm.reviewState === 'confirmed') && (
            <button
              type="button"
              onClick={() => review.mutate({ id: alarm.id, decision: 'referred_police', evidence })}
            >
              {t('police')}
            </button>
          )}
        </div>
      )}
      {(note.error ?? review.error ?? assign.error) && (
        <p role="alert" className="error">
          {serverErrorMessage(note.error ?? review.error ?? assign.error, locale)}
        </p>
      )}
    </div>
  );
}
