/**
 * What the CLI prints goes to a terminal, which obeys control characters: a file name holding
 * `ESC [2J` clears the screen, `\r` overwrites the line with fake output, and U+202E (right-to-left
 * override) makes `memo<U+202E>vaw.exe` read as `memo.exe.wav`. Names are stored as the user gave them;
 * only their printing is made safe, here, for every line the CLI writes.
 *
 * Escaped: C0 controls except newline and tab (this includes ESC, so no escape sequence survives),
 * DEL, C1 controls (U+0080–U+009F, which some terminals also obey) and the bidi controls.
 */
const unsafe = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (ch: string): string => {
  const code = ch.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Text safe to print on a terminal: dangerous characters become visible escapes such as `\x1b`. */
export function terminalText(text: string): string {
  return text.replace(unsafe, escaped);
}

/** Also escaped in JSON output, where `\uXXXX` keeps the value exactly (JSON.stringify leaves these raw). */
const unsafeInJson = /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON for a terminal: the same value as JSON.stringify, with the characters a terminal would obey
 * written as `\uXXXX` escapes, so a script reads the name exactly as stored and a person sees no trick.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    unsafeInJson,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
