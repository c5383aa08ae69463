import { describe, expect, it } from 'vitest';
import { formatImageDate, formatSasDate, formatZonedDate } from '../../../src-main/emulator/dates';

const MS = Date.parse('2020-06-06T16:44:43.341Z');

describe('emulator date formats', () => {
  it('writes image dates with up to 7 fractional digits and no zone', () => {
    expect(formatImageDate(MS, 7089)).toBe('2020-06-06T16:44:43.3417089');
    // .NET "FFFFFFF" drops trailing zeros, which is why real data also has `…43.212834`.
    expect(formatImageDate(Date.parse('2020-06-06T16:44:43.212Z'), 8340)).toBe('2020-06-06T16:44:43.212834');
    expect(formatImageDate(Date.parse('2020-06-06T16:44:43.000Z'), 0)).toBe('2020-06-06T16:44:43');
  });

  it('writes project and iteration dates with milliseconds and Z, trimmed', () => {
    expect(formatZonedDate(Date.parse('2019-09-16T15:03:38.840Z'))).toBe('2019-09-16T15:03:38.84Z');
    expect(formatZonedDate(Date.parse('2017-12-18T05:43:18.000Z'))).toBe('2017-12-18T05:43:18Z');
  });

  it('writes SAS expiry in whole seconds', () => {
    expect(formatSasDate(Date.parse('2020-06-07T16:45:22.987Z'))).toBe('2020-06-07T16:45:22Z');
  });
});
