import { terminalJson, terminalText } from './terminal-text';

/** Every line the CLI prints goes through these, so nothing stored can drive the terminal (terminal-text.ts). */
export const out = (text: string): void =>
  void process.stdout.write(terminalText(text.endsWith('\n') ? text : `${text}\n`));
export const err = (text: string): void =>
  void process.stderr.write(terminalText(text.endsWith('\n') ? text : `${text}\n`));
export const json = (value: unknown): void => void process.stdout.write(`${terminalJson(value)}\n`);
