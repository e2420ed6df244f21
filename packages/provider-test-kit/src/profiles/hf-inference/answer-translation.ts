/** Simulated translation: word by word through a small English-German (or -French) dictionary. */
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import type { TextPipelineInput } from './read-pipeline-input.js';

const GERMAN: Readonly<Record<string, string>> = {
  my: 'mein',
  name: 'Name',
  is: 'ist',
  and: 'und',
  i: 'ich',
  live: 'lebe',
  in: 'in',
  the: 'die',
  a: 'ein',
  hello: 'hallo',
  world: 'Welt',
  house: 'Haus',
  city: 'Stadt',
  good: 'gut',
  morning: 'Morgen',
  thank: 'danke',
  you: 'du',
  we: 'wir',
  are: 'sind',
  this: 'dies',
  cat: 'Katze',
  dog: 'Hund',
  today: 'heute',
  very: 'sehr',
};
const FRENCH: Readonly<Record<string, string>> = {
  my: 'mon',
  name: 'nom',
  is: 'est',
  and: 'et',
  i: 'je',
  live: 'vis',
  in: 'à',
  the: 'le',
  a: 'un',
  hello: 'bonjour',
  world: 'monde',
  house: 'maison',
  city: 'ville',
  good: 'bon',
  thank: 'merci',
  you: 'vous',
  we: 'nous',
  are: 'sommes',
  this: 'ceci',
  cat: 'chat',
  dog: 'chien',
  today: "aujourd'hui",
  very: 'très',
};

/**
 * `[{translation_text}]`, into German unless `tgt_lang` starts with `fr` (t5's default direction is English to
 * German); words the dictionary lacks (names, mostly) stay as they are.
 *
 * @example
 * answerTranslation(t5, { inputs: 'My name is Wolfgang and I live in Berlin', parameters: {} }).body;
 * // [{ translation_text: 'Mein Name ist Wolfgang und ich lebe in Berlin' }]
 */
export function answerTranslation(_model: HfSimulatedModel, input: TextPipelineInput): PipelineAnswer {
  if (typeof input.inputs !== 'string' || input.inputs.trim() === '') {
    throw new PipelineError(400, 'inputs must be a non-empty string');
  }
  const target = String(input.parameters.tgt_lang ?? 'de').toLowerCase();
  const dictionary = target.startsWith('fr') ? FRENCH : GERMAN;
  const translated = input.inputs.replace(/[A-Za-z]+/g, (word) => dictionary[word.toLowerCase()] ?? word);
  const text = translated.charAt(0).toUpperCase() + translated.slice(1);
  return {
    kind: 'json',
    body: [{ translation_text: text }],
    computeMs: 120 + input.inputs.length * 4,
    metrics: { 'x-compute-characters': String(input.inputs.length) },
  };
}
