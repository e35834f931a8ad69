'use client';
import { useTranslations } from 'next-intl';
import { downloadText } from '../_register/files';
import styles from '../_register/register.module.css';

export type IssuedTokens = {
  tokens: Array<{ code: string; token: string }>;
  tokensCsv: string;
  mosquitto: { passwd: string; acl: string };
};

/** New tokens, shown once: tokens.csv and the Mosquitto lines are made in the browser from this answer only. */
export function TokensPanel({ issued, onClose }: { issued: IssuedTokens; onClose: () => void }) {
  const t = useTranslations('setupRegister');
  return (
    <section className={`panel ${styles.tokens}`} role="alert" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('tokensTitle', { n: issued.tokens.length })}</h2>
      <p className="error">{t('tokensOnce')}</p>
      <p className="inline-form">
        <button type="button" className="primary" onClick={() => downloadText('tokens.csv', issued.tokensCsv)}>
          {t('downloadTokens')}
        </button>
        <button type="button" onClick={() => downloadText('mosquitto-passwd.txt', issued.mosquitto.passwd)}>
          {t('downloadPasswd')}
        </button>
        <button type="button" onClick={() => downloadText('mosquitto-acl.txt', issued.mosquitto.acl)}>
          {t('downloadAcl')}
        </button>
        <button type="button" onClick={onClose}>
          {t('tokensDone')}
        </button>
      </p>
      <p className="small muted">{t('mosquittoHelp')}</p>
      {issued.tokens.length <= 3 && (
        <table className="small">
          <tbody>
            {issued.tokens.map((k) => (
              <tr key={k.code}>
                <td>{k.code}</td>
                <td>
                  <code>{k.token}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
