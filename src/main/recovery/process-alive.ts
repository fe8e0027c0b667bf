import os from 'node:os';

/** Lease owners are "host:pid:startedAt", so a recovering process can tell whether the holder lives. */
export function ownerId(startedAt: number): string {
  return `${os.hostname()}:${process.pid}:${startedAt}`;
}

/** The engine part of a lease owner (owners may carry a `/worker` suffix for diagnostics). */
export function engineOf(owner: string): string {
  const slash = owner.indexOf('/');
  return slash === -1 ? owner : owner.slice(0, slash);
}

/**
 * True when `owner` is certainly gone: on this host, and either its pid no longer exists or the pid
 * is ours but the start time is not (a previous life of a reused pid, common in containers).
 * Owners on other hosts are never presumed gone; their leases simply expire.
 */
export function ownerIsGone(owner: string, self: string): boolean {
  if (owner === self) return false;
  const [host, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err: unknown) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
