'use client';
import { useTranslations } from 'next-intl';
import type { Pipeline } from './pipeline-view';

const SHOWN = 5;

/** The micro-grid's fortnightly joint meetings, newest first. */
export function MeetingsLog({ meetings, cases }: { meetings: Pipeline['meetings']; cases: Pipeline['cases'] }) {
  const t = useTranslations('retrofit');
  const unitName = (id: number | null) => {
    const c = cases.find((x) => x.unitId === id);
    return c ? `${c.buildingName}${c.unitName}` : '';
  };
  return (
    <section className="panel" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('meetingsTitle')}</h2>
      {meetings.length === 0 ? (
        <p className="muted">{t('noMeetings')}</p>
      ) : (
        <ol className="log" data-testid="meetings">
          {meetings.slice(0, SHOWN).map((m) => {
            const resolved = m.concerns.filter((c) => c.resolved).length;
            return (
              <li key={m.id}>
                <strong>{m.heldOn}</strong>{' '}
                <span className="muted small">
                  {t('attendeesList', {
                    n: m.attendees.reduce((s, a) => s + a.count, 0),
                    list: m.attendees.map((a) => `${a.role} ${a.count}`).join(' · '),
                  })}
                </span>
                <div className="small">{t('concernsSummary', { raised: m.concerns.length, resolved })}</div>
                <ul className="small">
                  {m.concerns.map((c, i) => (
                    <li key={i} className={c.resolved ? undefined : 'pending'}>
                      {unitName(c.unitId)} {c.text}
                      {c.resolved ? ` → ${c.resolution ?? ''}` : ` ${t('openNote')}`}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
      {meetings.length > SHOWN && <p className="muted small">{t('olderMeetings', { n: meetings.length - SHOWN })}</p>}
    </section>
  );
}
