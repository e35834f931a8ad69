'use client';
import { useFormatter, useTranslations } from 'next-intl';
import type { PipelineCase } from './pipeline-view';

/** Agreeing households and area, and what is still missing under the case's rule. */
export function ConsentCell({ consent }: { consent: PipelineCase['consent'] }) {
  const t = useTranslations('retrofit');
  const format = useFormatter();
  const agree = consent.tally.byVote.agree;
  return (
    <div className="small">
      <div>{t('agreeOf', { n: agree.households, total: consent.tally.households, area: agree.areaM2.toFixed(1) })}</div>
      {consent.met ? (
        <div className="ok">✓ {t('consentMet', { rule: t(`rules.${consent.rule}`) })}</div>
      ) : consent.missing ? (
        <div className="pending">
          {t('missing', { n: consent.missing.households, area: Math.ceil(consent.missing.areaM2) })}
        </div>
      ) : null}
      {consent.vetoRooms.length > 0 && (
        <div className="attention">{t('veto', { rooms: format.list(consent.vetoRooms) })}</div>
      )}
    </div>
  );
}
