/**
 * The CLI's --scope syntax (cleanup-api.md) and the scope in words: what a user types is
 * understood exactly, and anything else is refused with a message naming the problem.
 */
import { describe, expect, it } from 'vitest';
import { checkScope, describeScope, parseBeforeDate, parseScopeArg } from '../../../src-main/cleanup';
import { AppError } from '../../../src-main/errors/app-error';

const P = '0b8a3d2e-1f4c-4a5b-9c6d-7e8f9a0b1c2d';
const Q = '1c9b4e3f-2a5d-4b6c-8d7e-9f0a1b2c3d4e';
const T = 'aa11bb22-cc33-4d44-8e55-ff6677889900';

function refusal(text: string): AppError {
  try {
    parseScopeArg(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('parseScopeArg', () => {
  it('reads the whole account and lists of projects', () => {
    expect(parseScopeArg('all')).toEqual({ kind: 'all' });
    expect(parseScopeArg(' ALL ')).toEqual({ kind: 'all' });
    expect(parseScopeArg(`projects:${P}`)).toEqual({ kind: 'projects', projectIds: [P] });
    // Upper case, spaces and repeats are normalised away.
    expect(parseScopeArg(`projects:${P.toUpperCase()}, ${Q},${P}`)).toEqual({ kind: 'projects', projectIds: [P, Q] });
  });

  it('reads every category of one project', () => {
    expect(parseScopeArg(`project:${P}:untagged`)).toEqual({ kind: 'part', projectId: P, part: { kind: 'untaggedImages' } });
    expect(parseScopeArg(`project:${P}:images`)).toEqual({ kind: 'part', projectId: P, part: { kind: 'allImages' } });
    expect(parseScopeArg(`project:${P}:predictions`)).toEqual({ kind: 'part', projectId: P, part: { kind: 'predictions' } });
    expect(parseScopeArg(`project:${P}:tag=${T}`)).toEqual({ kind: 'part', projectId: P, part: { kind: 'tag', tagId: T } });
    expect(parseScopeArg(`project:${P}:tagged=${T.toUpperCase()}`)).toEqual({ kind: 'part', projectId: P, part: { kind: 'taggedWith', tagId: T } });
    expect(parseScopeArg(`project:${P}:iteration=${Q}`)).toEqual({ kind: 'part', projectId: P, part: { kind: 'iteration', iterationId: Q } });
  });

  it('reads "older than" dates, including times with colons and zones, as UTC instants', () => {
    expect(parseScopeArg(`project:${P}:older-than=2024-01-31`)).toEqual({
      kind: 'part',
      projectId: P,
      part: { kind: 'imagesOlderThan', before: '2024-01-31T00:00:00.000Z' },
    });
    const scope = parseScopeArg(`project:${P}:older-than=2024-01-31T12:30+02:00`);
    expect(scope).toMatchObject({ part: { before: '2024-01-31T10:30:00.000Z' } });
    expect(parseBeforeDate('2024-01-31T12:30:15.5Z')).toBe('2024-01-31T12:30:15.500Z');
  });

  it.each([
    ['', /empty/],
    ['everything', /Unknown scope "everything"/],
    ['all:x', /"all" takes nothing/],
    ['projects:', /at least one project id/],
    ['projects:cats', /project id "cats" is not an id/],
    [`projects:${P},nope`, /"nope" is not an id/],
    [`project:${P}`, /needs a category/],
    ['project:123:untagged', /project id "123" is not an id/],
    [`project:${P}:old`, /Unknown category "old"/],
    [`project:${P}:tag`, /tag needs tag id after "="/],
    [`project:${P}:tagged=`, /tagged needs tag id/],
    [`project:${P}:iteration=abc`, /iteration id "abc" is not an id/],
    [`project:${P}:older-than=yesterday`, /"yesterday" is not a date/],
    [`project:${P}:older-than=2024-01-31T12:00`, /has no time zone; add Z/],
    [`project:${P}:older-than=2024-02-30`, /not a real date/],
  ])('refuses %j with INVALID_ARGUMENT naming the problem', (text, message) => {
    const error = refusal(text);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
  });
});

describe('checkScope (scopes arriving from the renderer)', () => {
  it('normalises ids and dates', () => {
    expect(checkScope({ kind: 'projects', projectIds: [P.toUpperCase(), P] })).toEqual({ kind: 'projects', projectIds: [P] });
    expect(checkScope({ kind: 'part', projectId: P, part: { kind: 'imagesOlderThan', before: '2024-03-01' } })).toMatchObject({
      part: { before: '2024-03-01T00:00:00.000Z' },
    });
  });

  it('refuses malformed scopes and ids that would reach a URL', () => {
    expect(() => checkScope({ kind: 'part', projectId: '../../x', part: { kind: 'predictions' } })).toThrow(/not an id/);
    expect(() => checkScope({ kind: 'projects', projectIds: [] })).toThrow(AppError);
    expect(() => checkScope({ kind: 'nothing' })).toThrow(/scope is not valid/);
  });
});

describe('describeScope', () => {
  const names = new Map([
    [P, 'Cats'],
    [Q, 'Dogs "and" co'],
  ]);

  it('puts every scope in words, names quoted as data', () => {
    expect(describeScope({ kind: 'all' }, names)).toBe('Everything in the account: 2 projects and all their data');
    expect(describeScope({ kind: 'projects', projectIds: [P] }, names)).toBe('Project "Cats" and all its data');
    expect(describeScope({ kind: 'projects', projectIds: [P, Q] }, names)).toBe('2 projects and all their data: project "Cats", project "Dogs \\"and\\" co"');
    expect(describeScope({ kind: 'part', projectId: P, part: { kind: 'untaggedImages' } }, names)).toBe('Untagged images of project "Cats"');
    expect(describeScope({ kind: 'part', projectId: P, part: { kind: 'allImages' } }, names)).toBe('All images of project "Cats"');
    expect(describeScope({ kind: 'part', projectId: P, part: { kind: 'predictions' } }, names)).toBe('Stored predictions of project "Cats"');
    expect(describeScope({ kind: 'part', projectId: P, part: { kind: 'imagesOlderThan', before: '2024-01-31T00:00:00.000Z' } }, names)).toBe(
      'Images of project "Cats" created before 2024-01-31T00:00:00.000Z (UTC)',
    );
    const tags = new Map([[T, 'Whiskers']]);
    expect(describeScope({ kind: 'part', projectId: P, part: { kind: 'tag', tagId: T } }, names, { tags })).toBe('Tag "Whiskers" of project "Cats" (its images stay)');
    expect(describeScope({ kind: 'part', projectId: P, part: { kind: 'taggedWith', tagId: T } }, names, { tags })).toBe('Images of project "Cats" carrying tag "Whiskers"');
  });

  it('falls back to ids when a name is unknown', () => {
    expect(describeScope({ kind: 'part', projectId: T, part: { kind: 'iteration', iterationId: Q } }, new Map())).toBe(`Iteration ${Q} of project ${T} and its model exports`);
  });
});
