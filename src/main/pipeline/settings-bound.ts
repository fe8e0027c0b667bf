export interface SettingsBoundOptions<T> {
  /** Bumped by every settings write, from any process (SettingsStore.revision). */
  revision(): number;
  /** What the value depends on now (`key`), and how to build it. */
  read(): { key: string; build(): T };
  /** An old value was replaced; frees what it holds. */
  retire?(old: T): void;
}

/**
 * A value built from settings (a transcription engine, an extractor), rebuilt when the settings
 * it depends on change: the next `get()` after a write sees the new engine, in the engine process
 * and in every worker alike, without a restart. Reading the revision is one indexed SELECT.
 */
export class SettingsBound<T> {
  private revision = Number.NaN;
  private key: string | undefined;
  private value: T | undefined;

  constructor(private readonly o: SettingsBoundOptions<T>) {}

  get(): T {
    const revision = this.o.revision();
    if (revision !== this.revision || this.value === undefined) {
      this.revision = revision;
      const next = this.o.read();
      if (next.key !== this.key || this.value === undefined) {
        const old = this.value;
        this.value = next.build();
        this.key = next.key;
        if (old !== undefined) this.o.retire?.(old);
      }
    }
    return this.value;
  }
}
