/** Word handling the simulated text pipelines share. */

const WORD = /[\p{L}\p{N}']+/gu;

/** Small words a question or label shares with any text, which say nothing about a match. */
export const STOPWORDS = new Set(
  'a an the is are was were be of in on at to for and or but with by from this that it its as what which who whom whose when where why how do does did i you he she we they my your our their me him her us them'.split(
    ' ',
  ),
);

/**
 * The lower-cased words of `text` that carry meaning (no stopwords).
 *
 * @example
 * contentWords('What is the capital of France?'); // ['capital', 'france']
 */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((word) => !STOPWORDS.has(word));
}

/**
 * The sentences of `text` with their character offsets (a sentence ends at `.`, `!` or `?`).
 *
 * @example
 * sentencesOf('Hi. Bye!'); // [{ text: 'Hi.', start: 0 }, { text: 'Bye!', start: 4 }]
 */
export function sentencesOf(text: string): { text: string; start: number }[] {
  const sentences: { text: string; start: number }[] = [];
  for (const match of text.matchAll(/[^.!?]+[.!?]*/g)) {
    const leading = match[0].length - match[0].trimStart().length;
    const sentence = match[0].trim();
    if (sentence !== '') sentences.push({ text: sentence, start: (match.index ?? 0) + leading });
  }
  return sentences;
}
