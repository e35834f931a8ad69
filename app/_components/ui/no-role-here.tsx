import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

/**
 * What a page says to an account without the role it needs in this community: which role,
 * and whom to ask (an admin assigns roles at /accounts). server/trpc.ts refuses the data anyway.
 */
export async function NoRoleHere({ need }: { need: 'staff' | 'planner' }) {
  const t = await getTranslations();
  return (
    <div className="notice" role="alert">
      <p>{t('console.noRole', { role: t(`roles.${need}`) })}</p>
      <Link href="/">{t('console.backToList')}</Link>
    </div>
  );
}
