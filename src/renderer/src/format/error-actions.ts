/**
 * Which action an error calls for first. Errors about the file's own content fail the same way on
 * every retry: for them Discard (or showing the file) comes first and Retry stays available but
 * quiet, and a bulk retry that includes them asks first. Other errors (a service, a crash, a missing
 * file put back) are worth a Retry.
 */
const failsForGood = new Set([
  'NOT_AUDIO',
  'AUDIO_UNDECODABLE',
  'AUDIO_UNSUPPORTED',
  'AUDIO_EMPTY',
  'AUDIO_TOO_LONG',
  'AUDIO_MISSING',
  'SOURCE_CHANGED',
  'BAD_AUDIO',
]);

/** The codes a retry cannot fix, for counting them in a selection. */
export const failsForGoodCodes: readonly string[] = [...failsForGood];

export function retryWillFailAgain(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && failsForGood.has(code);
}

/** Of error groups, how many items a retry would most likely fail again for, and their codes. */
export function permanentShare(groups: readonly { code: string; count: number }[]): {
  count: number;
  codes: string[];
  total: number;
} {
  const permanent = groups.filter((g) => retryWillFailAgain(g.code));
  return {
    count: permanent.reduce((n, g) => n + g.count, 0),
    codes: permanent.map((g) => g.code),
    total: groups.reduce((n, g) => n + g.count, 0),
  };
}
