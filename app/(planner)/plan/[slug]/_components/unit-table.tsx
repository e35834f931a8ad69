'use client';
import { useTranslations } from 'next-intl';
import { formatFen } from '~/app/_components/ui/money';
import { StageBadge } from '~/app/_components/ui/stage-badge';
import type { PlanUnitRow } from './planner-view';

type Props = { units: PlanUnitRow[]; selected: number[]; onToggle: (id: number) => void; onClear: () => void };

/** Pick units for a scenario. Rows show rooms' totals and age bands only: planners never see owners. */
export function UnitTable({ units, selected, onToggle, onClear }: Props) {
  const t = useTranslations('planner');
  const tm = useTranslations('money');
  if (units.length === 0) return <p className="notice">{t('noUnits')}</p>;
  return (
    <section aria-labelledby="units-title">
      <div className="row">
        <h2 id="units-title">{t('unitsTitle')}</h2>
        <span className="spacer" />
        <span className="muted small">{t('selectedN', { n: selected.length })}</span>
        <button type="button" onClick={onClear} disabled={selected.length === 0}>
          {t('clear')}
        </button>
      </div>
      <div className="table-scroll">
        <table data-testid="unit-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">{t('pick')}</span>
              </th>
              <th scope="col">{t('unit')}</th>
              <th scope="col">{t('stage')}</th>
              <th scope="col">{t('consent')}</th>
              <th scope="col" className="num">
                {t('households')}
              </th>
              <th scope="col" className="num">
                60+
              </th>
              <th scope="col" className="num">
                80+
              </th>
              <th scope="col" className="num">
                {t('impaired')}
              </th>
              <th scope="col" className="num">
                {t('stranded')}
              </th>
              <th scope="col" className="num">
                {t('cost')}
              </th>
              <th scope="col" className="num">
                {t('subsidy')}
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => {
              const label = `${u.buildingName}${u.unitName}`;
              return (
                <tr key={u.unitId} className={selected.includes(u.unitId) ? 'selected' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('pickUnit', { unit: label })}
                      checked={selected.includes(u.unitId) || u.hasElevator}
                      disabled={u.hasElevator}
                      onChange={() => onToggle(u.unitId)}
                    />
                  </td>
                  <th scope="row">{label}</th>
                  <td>
                    <StageBadge stage={u.stage} />
                  </td>
                  <td className={`small standing-${u.standing}`}>
                    {u.hasElevator
                      ? t('hasElevator')
                      : u.standing === 'met'
                        ? t('standing.met')
                        : u.consent?.missing
                          ? t('missingN', { n: u.consent.missing.households })
                          : t('standing.far')}
                  </td>
                  <td className="num">{u.households}</td>
                  <td className="num">{u.residents60plus}</td>
                  <td className="num">{u.residents80plus}</td>
                  <td className="num">{u.mobilityImpaired}</td>
                  <td className="num">
                    <strong>{u.stranded}</strong>
                  </td>
                  <td className="num nowrap">
                    {formatFen(u.totalCostFen, tm)}
                    {u.costEstimated && (
                      <span className="muted" title={t('estimated')}>
                        *
                      </span>
                    )}
                  </td>
                  <td className="num nowrap">{formatFen(u.subsidyFen, tm)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
