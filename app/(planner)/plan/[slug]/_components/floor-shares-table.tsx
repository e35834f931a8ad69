import { useTranslations } from 'next-intl';
import { formatFen } from '~/app/_components/ui/money';
import type { FloorHouseholdShares } from '~/server/domain/cost-share';

/**
 * Beside the per-floor chart: on each floor, how many households, what one household pays
 * (the least–the most where flats differ in area or units in cost), and the floor's total.
 * Shares are server/domain/cost-share.ts's, exact to the fen; no room or owner is named.
 */
export function FloorSharesTable({ floors }: { floors: readonly FloorHouseholdShares[] }) {
  const t = useTranslations('planner');
  const tm = useTranslations('money');
  return (
    <table className="compact" data-testid="floor-shares">
      <caption className="small muted">{t('perHouseholdCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('floor')}</th>
          <th scope="col" className="num">
            {t('households')}
          </th>
          <th scope="col" className="num">
            {t('perHousehold')}
          </th>
          <th scope="col" className="num">
            {t('floorTotal')}
          </th>
        </tr>
      </thead>
      <tbody>
        {floors.map((f) => (
          <tr key={f.floor}>
            <th scope="row">{t('floorN', { n: f.floor })}</th>
            <td className="num">{f.households}</td>
            <td className="num nowrap" data-testid="per-household">
              {f.minFen === f.maxFen
                ? formatFen(f.minFen, tm)
                : t('shareRange', { min: formatFen(f.minFen, tm), max: formatFen(f.maxFen, tm) })}
            </td>
            <td className="num nowrap">{formatFen(f.shareFen, tm)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
