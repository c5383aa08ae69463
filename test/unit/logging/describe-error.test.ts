import { describe, it, expect } from 'vitest';
import { describeError, summarizeError } from '../../../src-main/logging/describe-error';
import { AppError } from '../../../src-main/errors/app-error';

describe('describeError', () => {
  it('gives message, code, stack frames and the cause chain', () => {
    const error = new AppError('AUTH', 'Wrong key', { cause: new Error('HTTP 401') });
    const text = describeError(error);
    expect(text.startsWith('AppError: Wrong key [code AUTH]\n')).toBe(true);
    expect(text).toMatch(/\n\s+at /);
    expect(text).toContain('Caused by: Error: HTTP 401');
  });

  it('describes thrown non-errors', () => {
    expect(summarizeError('plain string')).toBe('plain string');
    expect(describeError({ status: 500 })).toBe('{ status: 500 }');
  });
});
