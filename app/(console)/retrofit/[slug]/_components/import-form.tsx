'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { readSpreadsheet, RefusedRows } from '~/app/_components/ui/spreadsheet-upload';
import { useTRPC } from '~/app/_trpc/client';

export function ImportForm({ slug }: { slug: string }) {
  const t = useTranslations('retrofit');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation(
    trpc.retrofit.importVotes.mutationOptions({
      onSuccess: (r) => {
        if (r.written > 0) void queryClient.invalidateQueries({ queryKey: trpc.retrofit.pipeline.queryKey({ slug }) });
      },
    }),
  );
  const report = upload.data;
  return (
    <section className="panel" aria-labelledby="import-title" style={{ marginTop: '1.5rem' }}>
      <h2 id="import-title">{t('importTitle')}</h2>
      <p className="small muted">{t('importHelp')}</p>
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (file) upload.mutate({ slug, ...(await readSpreadsheet(file)) });
        }}
      >
        <label className="grow">
          {t('importFile')}
          <input type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="submit" className="primary" disabled={!file || upload.isPending}>
          {upload.isPending ? t('importing') : t('importSubmit')}
        </button>
      </form>
      {upload.error && (
        <p role="alert" className="error">
          {serverErrorMessage(upload.error, locale)}
        </p>
      )}
      {report && report.errors.length === 0 && (
        <p role="status" className="ok">
          {t('imported', { n: report.written })}
        </p>
      )}
      {report && report.errors.length > 0 && (
        <RefusedRows
          errors={report.errors}
          summary={t('importRefused', { n: report.errors.length })}
          rowLabel={t('row')}
          problemLabel={t('problem')}
        />
      )}
    </section>
  );
}
