'use client';
// The wizard's step navigation: every step is a link, marked done or to do, the current one
// marked as the page; a step can be left and resumed at any time.
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { STEPS, stepDone, stepHref, type Progress } from '../steps';
import styles from '../setup.module.css';

export function StepNav({ slug, progress }: { slug: string; progress: Progress }) {
  const t = useTranslations('setup');
  const path = usePathname();
  return (
    <nav aria-label={t('stepsLabel')}>
      <ol className={styles.steps} data-testid="setup-steps">
        {STEPS.map((step, i) => {
          const href = stepHref(slug, step);
          const done = stepDone(step, progress);
          return (
            <li key={step}>
              <Link href={href} aria-current={path === href ? 'page' : undefined} data-step={step}>
                <span className={done ? styles.done : styles.todo} aria-hidden>
                  {done ? '✓' : done === null ? '○' : `${i + 1}`}
                </span>
                {t(`step.${step}`)}
                <span className="sr-only">
                  {done ? t('stepDone') : done === null ? t('stepOptional') : t('stepTodo')}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
