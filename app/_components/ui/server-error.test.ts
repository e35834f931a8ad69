import { describe, expect, it } from 'vitest';
import { serverErrorMessage } from './server-error';

describe('serverErrorMessage', () => {
  it('shows a message the server already worded in the reader’s language as it came', () => {
    expect(serverErrorMessage(new Error('Work order not found'), 'en')).toBe('Work order not found');
    expect(serverErrorMessage(new Error('没有找到工单'), 'zh')).toBe('没有找到工单');
  });

  it('lists an input error’s field messages instead of the raw issue JSON', () => {
    const error = {
      message: '[{"code":"too_small"}]',
      data: {
        zodError: { formErrors: [], fieldErrors: { note: ['Too short'], place: ['Place required'] } },
      },
    };
    expect(serverErrorMessage(error, 'en')).toBe('Too short; Place required');
    expect(
      serverErrorMessage(
        { message: '[]', data: { zodError: { formErrors: [], fieldErrors: { a: ['太短'], b: ['必填'] } } } },
        'zh',
      ),
    ).toBe('太短；必填');
  });

  it('words anything thrown that is not an error', () => {
    expect(serverErrorMessage('offline', 'zh')).toBe('offline');
  });
});
