import type { Migration } from './migration';

/**
 * Error messages about a file that is not audio used to quote its first bytes (`it starts with text
 * "…"` or `bytes 504b0304…`): a text file's first words could be private, and the message is shown,
 * logged and exported. New messages say what kind of content it looks like; this rewrites the stored
 * ones the same way (a quoted text becomes "text", hex becomes "unknown binary"), in the jobs and in
 * the timelines. Everything before the quote is kept.
 */
const rewrite = (table: string) => `
  UPDATE ${table}
     SET error_message =
           substr(error_message, 1, instr(error_message, 'it starts with ') - 1)
           || 'it looks like '
           || CASE WHEN instr(error_message, 'it starts with text ') > 0 THEN 'text' ELSE 'unknown binary' END
           || CASE WHEN substr(error_message, instr(error_message, 'it starts with ') - 1, 1) = '(' THEN ')' ELSE '' END
   WHERE error_code = 'AUDIO_UNDECODABLE' AND instr(error_message, 'it starts with ') > 0;
`;

export const m0008NoFileBytesInMessages: Migration = {
  version: 8,
  name: 'no-file-bytes-in-messages',
  sql: rewrite('jobs') + rewrite('events'),
};
