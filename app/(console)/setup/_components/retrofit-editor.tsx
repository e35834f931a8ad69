'use client';
// Retrofit cases: every unit, a button to open a case where there is none, and for each case its
// inputs (total cost in yuan, subsidy rule, floor coefficients, consent rule, publicity days).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import { CONSENT_RULES, type ConsentRule, type SubsidyRule } from '~/db/vocab';
import styles from '../setup.module.css';

type CaseRow = {
  caseId: number;
  stage: string;
  publicityDays: number;
  consentRule: ConsentRule;
  totalCostFen: number | null;
  subsidyRule: SubsidyRule | null;
  floorCoefficients: Record<string, number> | null;
};

/** "1:0, 2:0, 3:0.7" ⇄ { 1: 0, 2: 0, 3: 0.7 }; empty means the published default table. */
function tableText(t: Record<string, number> | null): string {
  return t
    ? Object.entries(t)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([f, c]) => `${f}:${c}`)
        .join(', ')
    : '';
}
function parseTable(text: string): Record<string, number> | null | 'bad' {
  if (text.trim() === '') return null;
  const out: Record<string, number> = {};
  for (const part of text.split(/[,，;；\s]+/).filter(Boolean)) {
    const m = /^(\d{1,2})[:：=](\d+(?:\.\d+)?)$/.exec(part);
    if (!m) return 'bad';
    out[String(Number(m[1]))] = Number(m[2]);
  }
  return out;
}

export function RetrofitEditor({ slug }: { slug: string }) {
  const t = useTranslations('setup');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const units = useQuery(trpc.retrofit.setup.queryOptions({ slug }));
  const [open, setOpen] = useState<number | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.retrofit.setup.queryKey({ slug }) });
    router.refresh();
  };
  const openCase = useMutation(
    trpc.retrofit.open.mutationOptions({
      onSuccess: (c) => {
        setOpen(c.caseId);
        refresh();
      },
    }),
  );
  const rows = units.data ?? [];
  return (
    <>
      <p className="muted">{t('retrofitLead')}</p>
      {rows.length === 0 && <p className="notice">{t('noUnits')}</p>}
      {openCase.error && (
        <p role="alert" className="error">
          {serverErrorMessage(openCase.error, locale)}
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table data-testid="setup-retrofit">
            <thead>
              <tr>
                <th scope="col">{t('field.unit')}</th>
                <th scope="col">{t('field.households')}</th>
                <th scope="col">{t('field.stage')}</th>
                <th scope="col">{t('field.totalCostYuan')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.unitId}>
                  <td>
                    {u.buildingName} {u.unitName}
                    {u.hasOriginalElevator && <span className="muted small"> · {t('hasElevator')}</span>}
                  </td>
                  <td>{u.households}</td>
                  <td>{u.case ? t(`stage.${u.case.stage}`) : '—'}</td>
                  <td>{u.case?.totalCostFen != null ? (u.case.totalCostFen / 100).toLocaleString(locale) : '—'}</td>
                  <td>
                    {u.case ? (
                      <button type="button" onClick={() => setOpen(open === u.case!.caseId ? null : u.case!.caseId)}>
                        {open === u.case.caseId ? t('close') : t('editInputs')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        disabled={openCase.isPending}
                        onClick={() => openCase.mutate({ unitId: u.unitId })}
                      >
                        {t('openCase')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.map((u) =>
        u.case && open === u.case.caseId ? (
          <CaseInputs
            key={u.case.caseId}
            title={`${u.buildingName} ${u.unitName}`}
            c={u.case as CaseRow}
            onSaved={refresh}
          />
        ) : null,
      )}
      {rows.some((u) => u.case) && (
        <p className="small">
          <Link href={`/retrofit/${slug}`}>{t('openPipeline')}</Link>
        </p>
      )}
    </>
  );
}

function CaseInputs({ title, c, onSaved }: { title: string; c: CaseRow; onSaved: () => void }) {
  const t = useTranslations('setup');
  const locale = useLocale();
  const trpc = useTRPC();
  const s = c.subsidyRule;
  const [f, setF] = useState({
    total: c.totalCostFen != null ? String(c.totalCostFen / 100) : '',
    subsidyKind: (s?.kind ?? 'none') as 'none' | 'percent' | 'fixed',
    percent: s?.kind === 'percent' ? String(s.percent) : '',
    cap: s?.kind === 'percent' ? String(s.capFen / 100) : '',
    amount: s?.kind === 'fixed' ? String(s.amountFen / 100) : '',
    table: tableText(c.floorCoefficients),
    consentRule: c.consentRule,
    publicityDays: String(c.publicityDays),
  });
  const [bad, setBad] = useState(false);
  const save = useMutation(trpc.retrofit.setInputs.mutationOptions({ onSuccess: onSaved }));
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  return (
    <section className={`panel ${styles.section}`} aria-label={title} data-testid="setup-case-inputs">
      <h3>{t('inputsTitle', { unit: title })}</h3>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          const table = parseTable(f.table);
          setBad(table === 'bad');
          if (table === 'bad') return;
          save.mutate({
            caseId: c.caseId,
            totalCostYuan: f.total === '' ? null : Number(f.total),
            subsidy:
              f.subsidyKind === 'none'
                ? null
                : f.subsidyKind === 'percent'
                  ? { kind: 'percent', percent: Number(f.percent), capYuan: Number(f.cap) }
                  : { kind: 'fixed', amountYuan: Number(f.amount) },
            floorCoefficients: table,
            consentRule: f.consentRule,
            publicityDays: Number(f.publicityDays),
          });
        }}
      >
        <label>
          {t('field.totalCostYuan')}
          <input inputMode="decimal" value={f.total} onChange={(e) => set({ total: e.target.value })} />
        </label>
        <label>
          {t('field.subsidyKind')}
          <select
            value={f.subsidyKind}
            onChange={(e) => set({ subsidyKind: e.target.value as 'none' | 'percent' | 'fixed' })}
          >
            <option value="none">{t('subsidy.none')}</option>
            <option value="percent">{t('subsidy.percent')}</option>
            <option value="fixed">{t('subsidy.fixed')}</option>
          </select>
        </label>
        {f.subsidyKind === 'percent' && (
          <>
            <label>
              {t('field.subsidyPercent')}
              <input
                inputMode="decimal"
                required
                value={f.percent}
                onChange={(e) => set({ percent: e.target.value })}
              />
            </label>
            <label>
              {t('field.subsidyCapYuan')}
              <input inputMode="decimal" required value={f.cap} onChange={(e) => set({ cap: e.target.value })} />
            </label>
          </>
        )}
        {f.subsidyKind === 'fixed' && (
          <label>
            {t('field.subsidyAmountYuan')}
            <input inputMode="decimal" required value={f.amount} onChange={(e) => set({ amount: e.target.value })} />
          </label>
        )}
        <label>
          {t('field.consentRule')}
          <select value={f.consentRule} onChange={(e) => set({ consentRule: e.target.value as ConsentRule })}>
            {CONSENT_RULES.map((r) => (
              <option key={r} value={r}>
                {t(`consent.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('field.publicityDays')}
          <input
            type="number"
            min={5}
            max={60}
            value={f.publicityDays}
            onChange={(e) => set({ publicityDays: e.target.value })}
          />
        </label>
        <label className={styles.wide}>
          {t('field.floorCoefficients')}
          <input
            value={f.table}
            placeholder="1:0, 2:0, 3:0.7, 4:0.8, 5:0.9, 6:1"
            aria-invalid={bad}
            onChange={(e) => set({ table: e.target.value })}
          />
          <span className={styles.hint}>{t('floorCoefficientsHint')}</span>
        </label>
        <div className={`${styles.actions} ${styles.wide}`}>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('save')}
          </button>
          {save.isSuccess && (
            <span role="status" className="ok">
              {t('saved')}
            </span>
          )}
          {bad && (
            <span role="alert" className="error">
              {t('floorCoefficientsBad')}
            </span>
          )}
          {save.error && (
            <span role="alert" className="error">
              {serverErrorMessage(save.error, locale)}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
