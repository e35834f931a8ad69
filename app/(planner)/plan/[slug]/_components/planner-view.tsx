'use client';
import { keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { localName } from '~/app/_i18n/config';
import { useTRPC } from '~/app/_trpc/client';
import type { CoverageSettings } from '~/db/schema/plan';
import type { RouterOutputs } from '~/app/_trpc/types';
import { CoveragePanel } from './coverage-panel';
import { OptimizerForm } from './optimizer-form';
import { ScenariosPanel } from './scenarios-panel';
import { UnitTable } from './unit-table';

type Out = RouterOutputs['planner'];
export type PlanUnitRow = Out['units']['units'][number];
export type Evaluation = Out['evaluate'];
export type SavedScenario = Out['scenarios'][number];

const DEFAULT_SETTINGS: CoverageSettings = { minAge: 60, minFloor: 3 };

export function PlannerView({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const t = useTranslations('planner');
  const locale = useLocale();
  const [settings, setSettings] = useState<CoverageSettings>(DEFAULT_SETTINGS);
  const [selected, setSelected] = useState<number[]>([]);
  const units = useSuspenseQuery(trpc.planner.units.queryOptions({ slug, settings }));
  const evaluation = useQuery({
    ...trpc.planner.evaluate.queryOptions({ slug, unitIds: selected, settings }),
    placeholderData: keepPreviousData,
  });
  const { community } = units.data;

  const toggle = (id: number) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].sort((a, b) => a - b)));
  return (
    <>
      <h1>{t('title', { name: localName(community, locale) })}</h1>
      <p className="muted">{t('lead')}</p>
      <fieldset className="inline-form settings">
        <legend>{t('settings')}</legend>
        <label>
          {t('minAge')}
          <select
            value={settings.minAge}
            onChange={(e) => setSettings({ ...settings, minAge: Number(e.target.value) === 80 ? 80 : 60 })}
          >
            <option value={60}>60+</option>
            <option value={80}>80+</option>
          </select>
        </label>
        <label>
          {t('minFloor')}
          <input
            type="number"
            min={2}
            max={30}
            value={settings.minFloor}
            onChange={(e) =>
              setSettings({ ...settings, minFloor: Math.min(30, Math.max(2, Number(e.target.value) || 3)) })
            }
          />
        </label>
        <span className="small muted">{t('settingsHelp')}</span>
      </fieldset>
      <CoveragePanel
        evaluation={evaluation.data}
        pending={evaluation.isFetching}
        error={evaluation.error ? serverErrorMessage(evaluation.error, locale) : undefined}
        selected={selected.length}
      />
      <OptimizerForm slug={slug} settings={settings} onChoose={setSelected} />
      <UnitTable units={units.data.units} selected={selected} onToggle={toggle} onClear={() => setSelected([])} />
      <ScenariosPanel
        slug={slug}
        selected={selected}
        settings={settings}
        onLoad={(ids, s) => {
          setSettings(s);
          setSelected(ids);
        }}
      />
    </>
  );
}
