import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';

export type Logger = pino.Logger;

/**
 * One JSON log per data dir (logs/lifeline.log). Lines carry ids and codes, never transcript text.
 * `LIFELINE_LOG_LEVEL` changes the level (default info).
 */
export function createLogger(logDir: string | null, name: string): Logger {
  const level = process.env.LIFELINE_LOG_LEVEL ?? 'info';
  if (!logDir) return pino({ level: 'silent' });
  fs.mkdirSync(logDir, { recursive: true });
  // Opened here, synchronously: an async open could land after a short-lived process (the CLI, a
  // test) has closed and its directory is gone. Writes stay asynchronous.
  const fd = fs.openSync(path.join(logDir, 'lifeline.log'), 'a');
  const destination = pino.destination({ fd, sync: false });
  return pino({ level, base: { pid: process.pid, proc: name } }, destination);
}
