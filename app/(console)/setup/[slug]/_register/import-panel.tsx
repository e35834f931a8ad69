'use client';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { readSpreadsheet, RefusedRows } from '~/app/_components/ui/spreadsheet-upload';
import { downloadText } from './files';

export type ImportReport = { errors: Array<{ row: number; message: string }> };

/**
 * Template, file, check (a dry run), then import: the clerk sees every refused row by its
 * spreadsheet row number before anything is written, and imports only a file that passed.
 */
export function ImportPanel<R extends ImportReport>(props: {
  title: string;
  help: ReactNode;
  templateName: string;
  template: string;
  pending: boolean;
  error: string | null;
  /** Runs the import (dryRun: only checks) and resolves with its report. */
  run: (file: { format: 'csv' | 'xlsx'; content: string; dryRun: boolean }) => Promise<R>;
  /** What a clean report says: "N new, M updated". */
  summary: (report: R, dryRun: boolean) => string;
  onImported?: (report: R) => void;
}) {
  const t = useTranslations('setupRegister');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<{ report: R; dryRun: boolean } | null>(null);
  const go = async (dryRun: boolean) => {
    if (!file) return;
    setChecked(null);
    try {
      const report = await props.run({ ...(await readSpreadsheet(file)), dryRun });
      setChecked({ report, dryRun });
      if (!dryRun && report.errors.length === 0) props.onImported?.(report);
    } catch {
      // The mutation's error is shown below.
    }
  };
  const report = checked?.report;
  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">{props.title}</h2>
      <div className="small muted">{props.help}</div>
      <p>
        <button type="button" onClick={() => downloadText(props.templateName, `${props.template}\n`, { bom: true })}>
          {t('template')}
        </button>
      </p>
      <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void go(true))}>
        <label className="grow">
          {t('file')}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setChecked(null);
            }}
          />
        </label>
        <button type="submit" disabled={!file || props.pending}>
          {props.pending ? t('working') : t('check')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!file || props.pending || !checked?.dryRun || (report?.errors.length ?? 1) > 0}
          onClick={() => void go(false)}
        >
          {t('import')}
        </button>
      </form>
      {!checked && file && !props.pending && <p className="small muted">{t('checkFirst')}</p>}
      {props.error && (
        <p role="alert" className="error">
          {props.error}
        </p>
      )}
      {report && report.errors.length === 0 && (
        <p role="status" className="ok">
          {props.summary(report, checked.dryRun)}
        </p>
      )}
      {report && report.errors.length > 0 && (
        <RefusedRows
          errors={report.errors}
          summary={t('refused', { n: report.errors.length })}
          rowLabel={t('row')}
          problemLabel={t('problem')}
        />
      )}
    </section>
  );
}
