/**
 * Text from outside (file names, paths, error messages that quote them) as the UI and the desktop
 * notices show it. Stored names keep what the user gave; on screen, bidi controls are neutralised so
 * U+202E (right-to-left override) cannot make `invoice<U+202E>fdp.exe` read as `invoiceexe.pdf`, and
 * C0/C1 control characters, which have no glyph and can hide what follows, are shown as U+FFFD (the
 * replacement character) instead.
 */
const hidden = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function displayText(text: string): string {
  return text.replace(hidden, '\ufffd');
}
