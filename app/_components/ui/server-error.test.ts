import { describe, expect, it } from 'vitest';
import { serverErrorMessage } from './server-error';

describe('serverErrorMessage', () => {
  it('shows a message the server already worded in the reader’s language as it came', () => {
    expect(serverErrorMessage(new Error('Work order not found'), 'en')).toBe('Work order not found');
    expect(serverErrorMessage(new Error('没有找到工单'), 'zh')).toBe('没有找到工单');
  });

  it('shows the reader’s half of an older bilingual message', () => {
    const error = new Error('工单已关闭 / The work order is closed');
    expect(serverErrorMessage(error, 'zh')).toBe('工单已关闭');
    expect(serverErrorMessage(error, 'en')).toBe('The work order is closed');
  });

  it('lists an input error’s field messages instead of the raw issue JSON', () => {
    const error = {
      message: '[{"code":"too_small"}]',
      data: {
        zodError: { formErrors: [], fieldErrors: { note: ['Too short'], place: ['地点必填 / Place required'] } },
      },
    };
    expect(serverErrorMessage(error, 'en')).toBe('note: Too short; Place required');
  });

  it('words anything thrown that is not an error', () => {
    expect(serverErrorMessage('offline', 'zh')).toBe('offline');
  });
});
