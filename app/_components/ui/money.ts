// Money is stored in fen. Chinese readers think in 万元, English ones in yuan.
export function formatFen(fen: number | null | undefined, locale: string): string {
  if (fen === null || fen === undefined) return '—';
  const yuan = fen / 100;
  if (locale === 'zh') return `¥${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万`;
  return `¥${yuan.toLocaleString('en', { maximumFractionDigits: 0 })}`;
}
