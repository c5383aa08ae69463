/**
 * Records keep the service's raw values: dates stay strings (parsed on demand, zone-less
 * = UTC), enums stay open, nulls are allowed. The type checks run under `tsc -p
 * tsconfig.test.json`; a wrong mapped type fails the typecheck, not just this file.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseApiDate, parseApiDateMs } from '../../../src-main/customvision/api-date';
import type { Image, Iteration, Project, Tag, Prediction, OtherString } from '../../../src-main/customvision/wire-types';

describe('wire types (from the official SDK models)', () => {
  it('keep dates as strings, recursively', () => {
    expectTypeOf<NonNullable<Image['created']>>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<NonNullable<Image['tags']>[number]['created']>>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Iteration['trainedAt']>>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Project['settings']>['domainId']>().toEqualTypeOf<string | null | undefined>();
  });

  it('accept enum values the SDK does not list, and nulls the service sends', () => {
    expectTypeOf<'Regular'>().toMatchTypeOf<NonNullable<Tag['type']>>();
    expectTypeOf<OtherString>().toMatchTypeOf<NonNullable<Tag['type']>>();
    expectTypeOf<OtherString>().toMatchTypeOf<NonNullable<Prediction['tagType']>>();
    expectTypeOf<null>().toMatchTypeOf<Tag['description']>();
    const tag: Tag = { id: 'x', name: 'n', description: null, type: 'AFutureType', imageCount: 0 };
    expect(tag.type).toBe('AFutureType');
  });
});

describe('parseApiDate', () => {
  it('reads both formats the service emits; zone-less is UTC', () => {
    expect(parseApiDate('2020-06-06T16:44:43.3417089')?.toISOString()).toBe('2020-06-06T16:44:43.341Z');
    expect(parseApiDate('2019-09-16T15:03:38.84Z')?.toISOString()).toBe('2019-09-16T15:03:38.840Z');
    expect(parseApiDate('2017-12-18T05:43:18Z')?.toISOString()).toBe('2017-12-18T05:43:18.000Z');
    expect(parseApiDate('2020-06-06T16:44:43.212834')?.toISOString()).toBe('2020-06-06T16:44:43.212Z');
    expect(parseApiDate('2020-06-06T18:44:43+02:00')?.toISOString()).toBe('2020-06-06T16:44:43.000Z');
  });

  it('gives undefined for absent or malformed dates instead of Invalid Date', () => {
    for (const value of [null, undefined, '', 'yesterday', '2020-02-30T00:00:00Z', '2020-06-06 16:44:43', '2020-06-06']) {
      expect(parseApiDate(value), String(value)).toBeUndefined();
      expect(parseApiDateMs(value)).toBeUndefined();
    }
  });
});
