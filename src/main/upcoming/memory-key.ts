/**
 * What a Done tick is keyed by, beside the item: the memory's words, in lower case, without
 * punctuation or extra spaces. Running extraction again replaces the memory rows (new ids) and may
 * change a memory's kind or date, but the same words said in the same recording keep their tick.
 */
export function memoryKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
