import type {
  BreakerInfo,
  HealthSnapshot,
  ItemSummary,
  ModelEntry,
  Progress,
  PushedEvent,
} from '../../shared/contract';
import type { Lifeline } from '../lifeline';

/**
 * Every event pushed to UIs, from wherever it comes (engine, health monitor, breakers), mapped onto
 * the contract's PushedEvent. Both transports (Electron IPC, WebSocket) use it; returns the unsubscribe.
 */
export function subscribePushedEvents(app: Lifeline, send: (event: PushedEvent) => void): () => void {
  const onItems = (items: ItemSummary[]) => send({ type: 'items.changed', items });
  const onProgress = (id: number, progress: Progress) => send({ type: 'item.progress', id, progress });
  const health = (h: HealthSnapshot) => send({ type: 'health.changed', health: h });
  const checked = (h: HealthSnapshot) => send({ type: 'health.checked', health: h });
  const breaker = (b: BreakerInfo) => send({ type: 'breaker.changed', breaker: b });
  const intake = () => send({ type: 'intake.changed' });
  const models = (list: ModelEntry[]) => send({ type: 'models.changed', models: list });
  app.engine?.on('items.changed', onItems);
  app.engine?.on('item.progress', onProgress);
  app.events.on('health.changed', health);
  app.events.on('health.checked', checked);
  app.events.on('breaker.changed', breaker);
  app.events.on('intake.changed', intake);
  app.models.on('changed', models);
  return () => {
    app.engine?.off('items.changed', onItems);
    app.engine?.off('item.progress', onProgress);
    app.events.off('health.changed', health);
    app.events.off('health.checked', checked);
    app.events.off('breaker.changed', breaker);
    app.events.off('intake.changed', intake);
    app.models.off('changed', models);
  };
}
