/**
 * The `$filter` metadata expression of GetImages/GetImageCount: `eq`, `ne`, `and`, `or`
 * (the v3.3 spec's description: "e.g. metadata=key1 eq 'value1' and key2 ne 'value2'"). The exact
 * grammar is not documented; accepted here (inferred): an optional `metadata=` prefix,
 * keys bare or as `metadata/key`, values in single quotes ('' escapes a quote),
 * parentheses, `and` binding tighter than `or`. A key the image lacks is "not equal".
 */
import { badRequest } from '../errors';

export type MetadataPredicate = (metadata: Readonly<Record<string, string>> | undefined) => boolean;

type Token = { kind: 'word'; text: string } | { kind: 'string'; text: string } | { kind: 'open' } | { kind: 'close' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push(ch === '(' ? { kind: 'open' } : { kind: 'close' });
      i += 1;
    } else if (ch === "'") {
      let text = '';
      i += 1;
      for (;;) {
        if (i >= source.length) throw invalid('unterminated string');
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        text += source[i];
        i += 1;
      }
      tokens.push({ kind: 'string', text });
    } else {
      let text = '';
      while (i < source.length && !/[\s()']/.test(source[i] ?? '')) text += source[i++];
      tokens.push({ kind: 'word', text });
    }
  }
  return tokens;
}

function invalid(detail: string): Error {
  return badRequest('BadRequest', `Invalid $filter expression: ${detail}`);
}

export function parseMetadataFilter(expression: string): MetadataPredicate {
  const source = expression.trim().replace(/^metadata\s*=\s*/i, '');
  const tokens = tokenize(source);
  let pos = 0;
  const peekWord = (word: string): boolean => {
    const token = tokens[pos];
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  };

  const parseOr = (): MetadataPredicate => {
    let left = parseAnd();
    while (peekWord('or')) {
      pos += 1;
      const a = left;
      const b = parseAnd();
      left = (m) => a(m) || b(m);
    }
    return left;
  };
  const parseAnd = (): MetadataPredicate => {
    let left = parseTerm();
    while (peekWord('and')) {
      pos += 1;
      const a = left;
      const b = parseTerm();
      left = (m) => a(m) && b(m);
    }
    return left;
  };
  const parseTerm = (): MetadataPredicate => {
    const token = tokens[pos];
    if (token?.kind === 'open') {
      pos += 1;
      const inner = parseOr();
      if (tokens[pos]?.kind !== 'close') throw invalid('missing )');
      pos += 1;
      return inner;
    }
    if (token?.kind !== 'word') throw invalid('expected a metadata key');
    const key = token.text.replace(/^metadata\//i, '');
    const op = tokens[pos + 1];
    const value = tokens[pos + 2];
    if (op?.kind !== 'word' || !['eq', 'ne'].includes(op.text.toLowerCase())) throw invalid(`expected eq or ne after ${key}`);
    if (value?.kind !== 'string') throw invalid(`expected a quoted value after ${op.text}`);
    pos += 3;
    const wanted = value.text;
    return op.text.toLowerCase() === 'eq' ? (m) => m?.[key] === wanted : (m) => m?.[key] !== wanted;
  };

  if (tokens.length === 0) return () => true;
  const predicate = parseOr();
  if (pos !== tokens.length) throw invalid('unexpected text at the end');
  return predicate;
}
