/** The Hub's `expand` query parameter, sent as `expand[]=a&expand[]=b` by Hugging Face's clients or as `expand=a,b`. */

/**
 * The fields asked for, or `undefined` when the request names none (the route then answers its default fields).
 *
 * @example readExpand({ 'expand[]': 'inferenceProviderMapping' }); // ['inferenceProviderMapping']
 */
export function readExpand(query: Readonly<Record<string, unknown>>): readonly string[] | undefined {
  const values = [query['expand[]'], query.expand].flatMap((value) =>
    value === undefined ? [] : Array.isArray(value) ? value : [value],
  );
  if (values.length === 0) return undefined;
  return values
    .filter((value): value is string => typeof value === 'string')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}
