// Money is stored in fen. How it reads is the messages' business (`money.fen`):
// Chinese readers think in 万元, English ones in yuan.
type MoneyWords = (key: 'fen', values: { yuan: number; wan: number }) => string;

/** `t` is the `money` namespace: useTranslations('money') or getTranslations('money'). */
export function formatFen(fen: number | null | undefined, t: MoneyWords): string {
  if (fen === null || fen === undefined) return '—';
  const yuan = fen / 100;
  return t('fen', { yuan, wan: yuan / 10_000 });
}
