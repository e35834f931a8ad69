// A community's onboarding overview: what each step has made, links to the twin and the duty desk
// once there is something to see, its particulars (name, street, address, contact), and the
// change trail of everything set up or edited.
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { getCaller } from '~/app/_trpc/server';
import { ParticularsForm } from '../_components/particulars-form';
import { STEPS, stepDone, stepHref } from '../steps';
import styles from '../setup.module.css';

export const dynamic = 'force-dynamic';

export default async function SetupOverview({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [t, format, caller] = await Promise.all([getTranslations('setup'), getFormatter(), getCaller()]);
  const [community, counts, changes] = await Promise.all([
    caller.onboard.settings({ slug }),
    caller.onboard.progress({ slug }),
    caller.onboard.changes({ slug }),
  ]);
  const progress = { ...counts, thresholds: Object.keys(community.thresholds).length };
  // Message keys cannot hold dots: "grid.create" is worded under change.grid_create.
  const kindWord = (kind: string) => {
    const key = `change.${kind.replaceAll('.', '_')}`;
    return t.has(key) ? t(key) : kind;
  };
  return (
    <>
      <section className={styles.section} aria-labelledby="progress-title">
        <h2 id="progress-title">{t('progressTitle')}</h2>
        <ul data-testid="setup-progress">
          {STEPS.filter((s) => s !== 'overview').map((step) => {
            const done = stepDone(step, progress);
            return (
              <li key={step}>
                <Link href={stepHref(slug, step)}>{t(`step.${step}`)}</Link>{' '}
                <span className={done ? styles.done : styles.todo}>
                  {done ? t('stepDone') : done === null ? t('stepOptional') : t('stepTodo')}
                </span>{' '}
                <span className="small muted">{t(`made.${step}`, progress)}</span>
              </li>
            );
          })}
        </ul>
        {(progress.buildings > 0 || progress.devices > 0) && (
          <p className={styles.actions}>
            {progress.buildings > 0 && <Link href={`/twin/${slug}`}>{t('openTwin')}</Link>}
            {progress.devices > 0 && <Link href={`/ops/${slug}`}>{t('openOps')}</Link>}
          </p>
        )}
      </section>

      <ParticularsForm
        slug={slug}
        initial={{
          name: community.name,
          nameEn: community.nameEn,
          street: community.street,
          district: community.district,
          address: community.address ?? '',
          contactPhone: community.contactPhone ?? '',
          contactAddress: community.contactAddress ?? '',
          officeHours: community.officeHours ?? '',
        }}
        anchor={{ lng: community.anchorLng, lat: community.anchorLat, fixed: progress.buildings > 0 }}
      />

      <section className={styles.section} aria-labelledby="trail-title">
        <h2 id="trail-title">{t('trailTitle')}</h2>
        {changes.length === 0 ? (
          <p className="muted">{t('trailEmpty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="small" data-testid="setup-trail">
              <thead>
                <tr>
                  <th scope="col">{t('trailAt')}</th>
                  <th scope="col">{t('trailWhat')}</th>
                  <th scope="col">{t('trailWho')}</th>
                  <th scope="col">{t('trailDetail')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.id}>
                    <td className="nowrap">
                      <time dateTime={new Date(c.at).toISOString()}>{format.dateTime(new Date(c.at), 'stamp')}</time>
                    </td>
                    <td>
                      {kindWord(c.kind)}
                      {c.subject && <span className="muted"> · {c.subject}</span>}
                    </td>
                    <td>{c.actor}</td>
                    <td>
                      <code>{c.detail ? JSON.stringify(c.detail).slice(0, 160) : ''}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
