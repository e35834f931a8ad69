// The role and place of a membership: a community for most roles, a street for a street office.
import { useTranslations } from 'next-intl';
import { MEMBERSHIP_ROLES } from '~/db/vocab';

export type Places = { communities: Array<{ slug: string; name: string }>; streets: string[] };

export function MembershipFields({ places, optional }: { places: Places; optional?: boolean }) {
  const t = useTranslations('accounts');
  return (
    <>
      <label>
        {optional ? t('firstMembership') : t('role')}
        <select name="membershipRole" defaultValue={optional ? '' : 'staff'}>
          {optional && <option value="">{t('none')}</option>}
          {MEMBERSHIP_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`membershipRoles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('place')}
        <select name="place">
          <optgroup label={t('communities')}>
            {places.communities.map((c) => (
              <option key={c.slug} value={`c:${c.slug}`}>
                {c.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('streets')}>
            {places.streets.map((s) => (
              <option key={s} value={`s:${s}`}>
                {s}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
    </>
  );
}
