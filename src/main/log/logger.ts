import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { LogFileSink, type LogFs, type LogSinkStatus } from './log-file-sink';

export type Logger = pino.Logger;
export type { LogSinkStatus };

const sinks = new WeakMap<Logger, LogFileSink>();

/**
 * One JSON log per data dir (logs/lifeline.log). Lines carry ids and codes, never transcript text.
 * `LIFELINE_LOG_LEVEL` changes the level (default info). A write the file refuses (a full disk) is
 * dropped and counted, never waited on: see log-file-sink.ts.
 */
export function createLogger(logDir: string | null, name: string, io?: LogFs): Logger {
  const level = process.env.LIFELINE_LOG_LEVEL ?? 'info';
  if (!logDir) return pino({ level: 'silent' });
  fs.mkdirSync(logDir, { recursive: true });
  // Opened here, synchronously: an async open could land after a short-lived process (the CLI, a
  // test) has closed and its directory is gone. Writes stay asynchronous.
  const fd = fs.openSync(path.join(logDir, 'lifeline.log'), 'a');
  const sink = new LogFileSink(fd, io);
  const log = pino({ level, base: { pid: process.pid, proc: name } }, sink);
  sinks.set(log, sink);
  return log;
}

/** How the logger's file is doing (lines dropped, the failing error), or null for a silent logger. */
export function logSinkStatus(log: Logger): LogSinkStatus | null {
  return sinks.get(log)?.status() ?? null;
}
