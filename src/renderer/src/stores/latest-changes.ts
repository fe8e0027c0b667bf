import type { ItemSummary } from '../../../shared/contract';

/**
 * The newest pushed state of recently changed items (at most `capacity`, oldest forgotten first). A
 * reply can arrive after the changes its call caused, the engine even done with the item; looking
 * the item up here keeps the screen from going back to an older state.
 */
export class LatestChanges {
  private readonly byId = new Map<number, ItemSummary>();

  constructor(private readonly capacity = 2_000) {}

  remember(changes: readonly ItemSummary[]): void {
    for (const c of changes) {
      const known = this.byId.get(c.id);
      if (known && known.updatedAt > c.updatedAt) continue;
      this.byId.delete(c.id);
      this.byId.set(c.id, c);
    }
    for (const id of this.byId.keys()) {
      if (this.byId.size <= this.capacity) break;
      this.byId.delete(id);
    }
  }

  /** `item`, or a newer state of it if one was pushed. */
  newest(item: ItemSummary): ItemSummary {
    const known = this.byId.get(item.id);
    return known && known.updatedAt > item.updatedAt ? known : item;
  }
}
