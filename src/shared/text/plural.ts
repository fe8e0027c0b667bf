/**
 * "1 item" / "3 items": a count with the right form of its noun. `format` writes the number (the
 * renderer passes the reader's locale grouping); the engine's sentences use plain digits.
 */
export function plural(n: number, one: string, many = `${one}s`, format: (n: number) => string = String): string {
  return `${format(n)} ${n === 1 ? one : many}`;
}
