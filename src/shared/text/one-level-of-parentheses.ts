/**
 * Reasons are built from other reasons ("X is failing (its error (its cause))"), which reads badly
 * past one level. Parentheses inside parentheses become commas: "A (B (C))" → "A (B, C)". Pure.
 */
export function oneLevelOfParentheses(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(') {
      depth++;
      out += depth === 1 ? ch : ', ';
    } else if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) out += ch;
    } else {
      out += ch;
    }
  }
  // Unbalanced text keeps what it had; only the doubled separators the rewrite made are tidied.
  return out
    .replace(/\s+,\s/g, ', ')
    .replace(/,\s*,\s/g, ', ')
    .replace(/, \)/g, ')');
}
