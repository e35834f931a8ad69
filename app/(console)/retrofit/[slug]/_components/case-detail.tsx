'use client';
import { useTranslations } from 'next-intl';
import { Drawer } from '~/app/_components/ui/drawer';
import { StageBadge, StuckBadge } from '~/app/_components/ui/stage-badge';
import { ConsentCell } from './consent-cell';
import { MoveForm } from './move-form';
import type { PipelineCase } from './pipeline-view';

type Props = { slug: string; c: PipelineCase; today: string; canEdit: boolean; onClose: () => void };

export function CaseDetail({ slug, c, today, canEdit, onClose }: Props) {
  const t = useTranslations('retrofit');
  return (
    <Drawer id="case-detail" labelledBy="case-title" onClose={onClose} testId="case-detail">
      <div className="row drawer-head">
        <h2 id="case-title">
          {c.buildingName}
          {c.unitName} <StageBadge stage={c.stage} />
          {c.stuck && <StuckBadge stuck={c.stuck} />}
        </h2>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {c.stuck && (
        <p className="stuck-note small" data-testid="stuck-note">
          {t('stuckTitle', c.stuck)}
        </p>
      )}
      <div className="split">
        <div>
          <h3>{t('historyTitle')}</h3>
          <ol className="log">
            {c.history.map((h, i) => (
              <li key={i}>
                <strong>{h.on}</strong> <StageBadge stage={h.stage} />
                {h.note && <span> {h.note}</span>}
                {h.by && <span className="muted small"> · {h.by}</span>}
              </li>
            ))}
          </ol>
          <h3>{t('consent')}</h3>
          <ConsentCell consent={c.consent} />
          <p className="small muted">{t('registered', { n: c.intentRegistered, total: c.households })}</p>
        </div>
        <div>
          <h3>{t('noticeTitle')}</h3>
          {c.publicity ? (
            <dl className="pairs small">
              <dt>{t('proposal')}</dt>
              <dd>{c.publicity.proposal ?? '—'}</dd>
              <dt>{t('period')}</dt>
              <dd>{t('periodText', { from: c.publicity.startsOn, to: c.publicity.endsOn, days: c.publicity.days })}</dd>
              {c.publicity.running && (
                <>
                  <dt>{t('remaining')}</dt>
                  <dd>{t('daysLeft', { n: c.publicity.daysLeft })}</dd>
                </>
              )}
              <dt>{t('howToObject')}</dt>
              <dd>{c.publicity.objectionChannel ?? '—'}</dd>
            </dl>
          ) : (
            <p className="muted small">{t('noPublicity')}</p>
          )}
          <h3>{t('objectionsTitle', { n: c.objections.length })}</h3>
          {c.objections.length === 0 ? (
            <p className="muted small">{t('noObjections')}</p>
          ) : (
            <ul className="small">
              {c.objections.map((o) => (
                <li key={o.id}>
                  {o.receivedOn} · {o.channel} · {o.summary}
                  {o.resolvedOn ? (
                    <span className="ok">
                      {' '}
                      → {o.resolvedOn} {o.response}
                    </span>
                  ) : (
                    <span className="pending"> {t('openNote')}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {canEdit ? <MoveForm slug={slug} c={c} today={today} /> : <p className="muted small">{t('readOnly')}</p>}
    </Drawer>
  );
}
