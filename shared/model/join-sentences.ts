/**
 * Sentences of one paragraph, joined the way their language writes them: a Chinese sentence
 * ends in a full-width mark and takes no space after it; an English one takes one. Decided
 * by each sentence's end, so a paragraph mixing the service's English words with Chinese
 * sentences still reads right.
 */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.reduce((text, sentence) => (text === '' ? sentence : `${text}${/[。）」]$/.test(text) ? '' : ' '}${sentence}`), '');
}
