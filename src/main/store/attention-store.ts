import type { SqliteDatabase } from './database';

/** Dead letters as the person sees them: how many there are, how many arrived since they last looked. */
export interface DeadLetterAttention {
  total: number;
  /** Dead letters newer than the "seen up to" mark. */
  unseen: number;
  /** When the person last looked (ms epoch), or null if they never have. */
  seenAt: number | null;
}

const deadLetters = 'dead-letters';

/** The durable "seen up to" marks (migration 0008), SQL only. */
export class AttentionStore {
  private readonly s;

  constructor(db: SqliteDatabase) {
    this.s = {
      mark: db.prepare(`SELECT seen_up_to AS seenUpTo, marked_at AS markedAt FROM attention_marks WHERE name = @name`),
      // Both walk the partial index of dead jobs: as many rows as there are dead letters, no more.
      total: db.prepare(`SELECT count(*) FROM jobs WHERE state = 'dead'`).pluck(),
      newer: db.prepare(`SELECT count(*) FROM jobs WHERE state = 'dead' AND updated_at > @since`).pluck(),
      newest: db.prepare(`SELECT max(updated_at) FROM jobs WHERE state = 'dead'`).pluck(),
      put: db.prepare(`INSERT INTO attention_marks (name, seen_up_to, marked_at) VALUES (@name, @seenUpTo, @now)
                       ON CONFLICT (name) DO UPDATE SET seen_up_to = max(seen_up_to, @seenUpTo), marked_at = @now`),
    };
  }

  deadLetters(): DeadLetterAttention {
    const mark = this.s.mark.get({ name: deadLetters }) as { seenUpTo: number; markedAt: number } | undefined;
    const total = this.s.total.get() as number;
    if (!mark) return { total, unseen: total, seenAt: null };
    return {
      total,
      unseen: total === 0 ? 0 : (this.s.newer.get({ since: mark.seenUpTo }) as number),
      seenAt: mark.markedAt,
    };
  }

  /** Every dead letter there is now has been seen; later ones will be new. */
  markDeadLettersSeen(now: number): DeadLetterAttention {
    const newest = (this.s.newest.get() as number | null) ?? 0;
    this.s.put.run({ name: deadLetters, seenUpTo: newest, now });
    return this.deadLetters();
  }
}
