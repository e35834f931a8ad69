'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';

/** Reads the chosen file in the browser: CSV as text, .xlsx as base64 bytes; the server parses and checks both. */
async function readFile(file: File): Promise<{ format: 'csv' | 'xlsx'; content: string }> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: 'xlsx', content: btoa(binary) };
  }
  return { format: 'csv', content: await file.text() };
}

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
          if (file) upload.mutate({ slug, ...(await readFile(file)) });
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
        <div role="alert">
          <p className="error">{t('importRefused', { n: report.errors.length })}</p>
          <table className="small">
            <thead>
              <tr>
                <th scope="col">{t('row')}</th>
                <th scope="col">{t('problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e, i) => (
                <tr key={i}>
                  <td className="num">{e.row}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
