'use client';
// One work order: what, where, when, its photos and history, and only the
// moves its state allows (server/domain/work-order-flow.ts legalMoves). The
// server judges every move again; a refusal shows its reason here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '~/app/_trpc/client';
import type { WorkOrderAction } from '~/db/vocab';
import styles from '../ops.module.css';
import { useOpsLabels } from './labels';

/** The move that carries the order forward is the primary button. */
const FORWARD: ReadonlySet<WorkOrderAction> = new Set(['accept', 'finish', 'visit', 'close']);

function Photo({ reference }: { reference: string }) {
  return /^https?:\/\//.test(reference) ? (
    <a href={reference} target="_blank" rel="noreferrer">
      {reference}
    </a>
  ) : (
    <code>{reference}</code>
  );
}

export function WorkOrderDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, category, place, dateTime, serverError } = useOpsLabels();
  const alarmKind = useTranslations('alarmKind');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.workOrder.detail.queryOptions({ id }));
  const history = useQuery(trpc.workOrder.history.queryOptions({ id }));
  const [open, setOpen] = useState<WorkOrderAction | null>(null);
  const move = useMutation(
    trpc.workOrder.transition.mutationOptions({
      onSuccess: () => {
        setOpen(null);
        void queryClient.invalidateQueries(trpc.workOrder.pathFilter());
      },
      // A refusal may mean another console moved it first: show its state now.
      onError: () => void queryClient.invalidateQueries(trpc.workOrder.pathFilter()),
    }),
  );

  if (detail.isLoading)
    return (
      <p className="muted" aria-busy="true">
        {t('loading')}
      </p>
    );
  if (detail.isError) {
    return (
      <p role="alert" className="error">
        {t('loadError', { message: serverError(detail.error) })}{' '}
        <button type="button" onClick={() => void detail.refetch()}>
          {t('retry')}
        </button>
      </p>
    );
  }
  const o = detail.data;
  if (!o) return null;
  const times: Array<[string, Date | null]> = [
    ['opened', o.openedAt],
    ['acceptedAt', o.acceptedAt],
    ['doneAt', o.doneAt],
    ['visitedAt', o.visitedAt],
    ['closedAt', o.closedAt],
  ];

  return (
    <div data-testid="wo-detail" data-state={o.state} data-code={o.code}>
      <div className="row">
        <h3 className={styles.detailTitle}>{o.code}</h3>
        <span className="badge" data-testid="wo-state">
          {t(`woStates.${o.state}`)}
        </span>
        {o.overdue && <span className={`badge ${styles.overdueBadge}`}>{t('overdue')}</span>}
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {t('closeDetail')}
        </button>
      </div>
      <dl className={`pairs ${styles.pairs}`}>
        <dt>{t('source')}</dt>
        <dd>
          {t(`sources.${o.source}`)}
          {o.alarmKind ? ` · ${t('fromAlarm')}: ${alarmKind(o.alarmKind)}` : ''}
        </dd>
        <dt>{t('category')}</dt>
        <dd>{category(o.category)}</dd>
        <dt>{t('place')}</dt>
        <dd>
          {place(o)}
          {o.grid ? ` · ${o.grid}` : ''}
        </dd>
        <dt>{t('description')}</dt>
        <dd>{o.description}</dd>
        {(o.reporterName || o.reporterPhone) && (
          <>
            <dt>{t('reporter')}</dt>
            <dd>{[o.reporterName, o.reporterPhone].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        <dt>{t('dueAt')}</dt>
        <dd className={o.overdue ? styles.overdue : undefined}>{dateTime(o.dueAt)}</dd>
        <dt>{t('timeline')}</dt>
        <dd>
          {times
            .filter(([, at]) => at)
            .map(([k, at]) => `${t(k)} ${dateTime(at!)}`)
            .join(' → ')}
        </dd>
        <dt>{t('photosBefore')}</dt>
        <dd data-testid="photos-before">
          {o.beforePhotos.length
            ? o.beforePhotos.map((p) => (
                <div key={p}>
                  <Photo reference={p} />
                </div>
              ))
            : t('noPhotos')}
        </dd>
        <dt>{t('photosAfter')}</dt>
        <dd data-testid="photos-after">
          {o.afterPhotos.length
            ? o.afterPhotos.map((p) => (
                <div key={p}>
                  <Photo reference={p} />
                </div>
              ))
            : t('noPhotos')}
        </dd>
        {o.satisfaction !== null && (
          <>
            <dt>{t('visitResult')}</dt>
            <dd>
              {o.resolved === 'yes' ? t('yes') : t('no')} · {t('satisfaction')} {o.satisfaction} / 5
            </dd>
          </>
        )}
      </dl>

      <h4 className={styles.subhead}>{t('nextMoves')}</h4>
      {o.moves.length === 0 && <p className="muted">{t('noMoves')}</p>}
      <div className={styles.buttons} data-testid="wo-moves">
        {o.moves.map((m) => (
          <button
            key={m}
            type="button"
            className={FORWARD.has(m) ? 'primary' : undefined}
            aria-expanded={open === m}
            onClick={() => {
              move.reset();
              setOpen(open === m ? null : m);
            }}
          >
            {t(`moves.${m}`)}
          </button>
        ))}
      </div>
      {open && (
        <MoveForm
          key={`${o.id}-${open}`}
          action={open}
          pending={move.isPending}
          onSubmit={(extra) => move.mutate({ id: o.id, action: open, ...extra })}
        />
      )}
      {move.error && (
        <p role="alert" className="error" data-testid="wo-error">
          {serverError(move.error)}
        </p>
      )}

      <h4 className={styles.subhead}>{t('woHistory')}</h4>
      {history.data?.length === 0 && <p className="muted small">{t('noHistory')}</p>}
      <ol className={styles.trail} data-testid="wo-trail">
        {history.data?.map((e) => (
          <li key={e.id}>
            {dateTime(e.at)} · {e.actor === 'system' ? t('systemActor') : e.actorName} · {t(`moves.${e.action}`)} →{' '}
            {t(`woStates.${e.toState}`)}
            {e.note ? ` · ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}

type Extra = {
  note?: string;
  beforePhoto?: string;
  afterPhoto?: string;
  satisfaction?: number;
  resolved?: 'yes' | 'no';
};

/** The fields a move takes; empty ones are left out, so the server's rules decide what is missing. */
function MoveForm({
  action,
  pending,
  onSubmit,
}: {
  action: WorkOrderAction;
  pending: boolean;
  onSubmit: (extra: Extra) => void;
}) {
  const { t } = useOpsLabels();
  const [note, setNote] = useState('');
  const [before, setBefore] = useState('');
  const [after, setAfter] = useState('');
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [resolved, setResolved] = useState<'yes' | 'no' | null>(null);
  const noteLabel = action === 'return' ? t('reason') : action === 'transfer' ? t('toOffice') : t('moveNote');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const extra: Extra = {};
    if (note.trim()) extra.note = note.trim();
    if (before.trim()) extra.beforePhoto = before.trim();
    if (after.trim()) extra.afterPhoto = after.trim();
    if (satisfaction !== null) extra.satisfaction = satisfaction;
    if (resolved !== null) extra.resolved = resolved;
    onSubmit(extra);
  };
  return (
    <form className={`inline-form ${styles.moveForm}`} onSubmit={submit} data-testid={`move-${action}`}>
      <p className="full muted small">{t(`moveHints.${action}`)}</p>
      {(action === 'accept' || action === 'finish') && (
        <label className="grow">
          {t('beforePhoto')}
          <input
            value={before}
            onChange={(e) => setBefore(e.target.value)}
            maxLength={200}
            placeholder={t('photoHint')}
            name="beforePhoto"
          />
        </label>
      )}
      {action === 'finish' && (
        <label className="grow">
          {t('afterPhoto')}
          <input
            value={after}
            onChange={(e) => setAfter(e.target.value)}
            maxLength={200}
            placeholder={t('photoHint')}
            name="afterPhoto"
          />
        </label>
      )}
      {action === 'visit' && (
        <>
          <fieldset className={styles.choices}>
            <legend>{t('resolvedQ')}</legend>
            {(['yes', 'no'] as const).map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name="resolved"
                  value={v}
                  checked={resolved === v}
                  onChange={() => setResolved(v)}
                />
                {t(v)}
              </label>
            ))}
          </fieldset>
          <fieldset className={styles.choices}>
            <legend>{t('satisfactionQ')}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n}>
                <input
                  type="radio"
                  name="satisfaction"
                  value={n}
                  checked={satisfaction === n}
                  onChange={() => setSatisfaction(n)}
                />
                {n}
              </label>
            ))}
          </fieldset>
        </>
      )}
      <label className="full">
        {noteLabel}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} name="note" />
      </label>
      <button type="submit" className="primary" disabled={pending}>
        {t('submitMove', { move: t(`moves.${action}`) })}
      </button>
    </form>
  );
}
