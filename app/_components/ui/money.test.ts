import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '~/app/_i18n/messages/en.json';
import zh from '~/app/_i18n/messages/zh.json';
import { formatFen } from './money';

const MESSAGES = { zh, en };
const money = (locale: 'zh' | 'en') => createTranslator({ locale, messages: MESSAGES[locale], namespace: 'money' });

describe('formatFen', () => {
  it('reads in 万元 for Chinese readers and in whole yuan for English ones', () => {
    expect(formatFen(12_345_678, money('zh'))).toBe('¥12.35万');
    expect(formatFen(12_345_678, money('en'))).toBe('¥123,457');
  });

  it('shows a dash where there is no figure', () => {
    expect(formatFen(null, money('zh'))).toBe('—');
    expect(formatFen(undefined, money('en'))).toBe('—');
  });
});
