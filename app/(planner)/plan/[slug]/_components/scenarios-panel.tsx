'use client';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { formatFen } from '~/app/_components/ui/money';
import { useTRPC } from '~/app/_trpc/client';
import type { CoverageSettings } from '~/db/schema/plan';

type Props = {
  slug: string;
  selected: number[];
  settings: CoverageSettings;
  onLoad: (unitIds: number[], settings: CoverageSettings) => void;
};

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  URL.revokeObjectURL(url);
}

/** Save the current pick as a named scenario; compare saved ones side by side. */
export function ScenariosPanel({ slug, selected, settings, onLoad }: Props) {
  const t = useTranslations('planner');
  const tm = useTranslations('money');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const { data: scenarios } = useSuspenseQuery(trpc.planner.scenarios.queryOptions({ slug }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.planner.scenarios.queryKey({ slug }) });
  const save = useMutation(
    trpc.planner.saveScenario.mutationOptions({
      onSuccess: () => {
        setName('');
        void refresh();
      },
    }),
  );
  const remove = useMutation(trpc.planner.deleteScenario.mutationOptions({ onSuccess: () => void refresh() }));
  const [exportError, setExportError] = useState<string | null>(null);

  const rows: Array<[string, (s: (typeof scenarios)[number]) => React.ReactNode]> = [
    [t('units'), (s) => s.evaluation.unitIds.length],
    [t('strandedNow'), (s) => s.evaluation.before.stranded],
    [t('strandedLeft'), (s) => <strong>{s.evaluation.after.stranded}</strong>],
    [t('householdsGain'), (s) => s.evaluation.after.householdsStepFree - s.evaluation.before.householdsStepFree],
    [t('elderlyStepFree'), (s) => s.evaluation.after.residents60plusStepFree],
    [t('cost'), (s) => formatFen(s.evaluation.totalFen, tm)],
    [t('subsidy'), (s) => formatFen(s.evaluation.subsidyFen, tm)],
    [t('owners'), (s) => formatFen(s.evaluation.ownersFen, tm)],
    [t('thresholds'), (s) => `${s.settings.minAge}+ · ≥${s.settings.minFloor}F`],
  ];
  return (
    <section aria-labelledby="scenarios-title" style={{ marginTop: '1.5rem' }}>
      <h2 id="scenarios-title">{t('scenariosTitle')}</h2>
      <form
        className="panel inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ slug, name, unitIds: selected, settings });
        }}
      >
        <label className="grow">
          {t('scenarioName')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            required
            placeholder={t('scenarioPlaceholder')}
          />
        </label>
        <button type="submit" className="primary" disabled={save.isPending || selected.length === 0}>
          {t('save', { n: selected.length })}
        </button>
        {selected.length === 0 && <span className="small muted">{t('pickFirst')}</span>}
        {save.error && (
          <p role="alert" className="error full">
            {serverErrorMessage(save.error, locale)}
          </p>
        )}
        {save.isSuccess && (
          <p role="status" className="ok full">
            {t('saved')}
          </p>
        )}
      </form>
      {scenarios.length === 0 ? (
        <p className="muted">{t('noScenarios')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="scenario-compare">
            <thead>
              <tr>
                <th scope="col">{t('scenario')}</th>
                {scenarios.map((s) => (
                  <th key={s.id} scope="col" className="num" data-testid="scenario-name">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, cell]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {scenarios.map((s) => (
                    <td key={s.id} className="num">
                      {cell(s)}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">
                  <span className="sr-only">{t('actions')}</span>
                </th>
                {scenarios.map((s) => (
                  <td key={s.id} className="num actions">
                    <button type="button" onClick={() => onLoad(s.unitIds, s.settings)}>
                      {t('load')}
                    </button>
                    <button
                      type="button"
                      onClick={async () => {
                        try {
                          const r = await queryClient.fetchQuery(trpc.planner.exportCsv.queryOptions({ id: s.id }));
                          download(r.fileName, r.csv);
                          setExportError(null);
                        } catch (error) {
                          setExportError(serverErrorMessage(error, locale));
                        }
                      }}
                    >
                      CSV
                    </button>
                    <Link className="button" href={`/plan/${slug}/report/${s.id}`}>
                      {t('report')}
                    </Link>
                    <button
                      type="button"
                      onClick={() => {
                        if (window.confirm(t('confirmDelete', { name: s.name }))) remove.mutate({ id: s.id });
                      }}
                    >
                      {t('delete')}
                    </button>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {exportError && (
        <p role="alert" className="error">
          {exportError}
        </p>
      )}
    </section>
  );
}
