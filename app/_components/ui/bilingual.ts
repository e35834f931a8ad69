// Server messages come as "中文 / English"; show the reader's half.
export function pickLocale(message: string, locale: string): string {
  const i = message.indexOf(' / ');
  if (i < 0) return message;
  return locale === 'zh' ? message.slice(0, i) : message.slice(i + 3);
}
