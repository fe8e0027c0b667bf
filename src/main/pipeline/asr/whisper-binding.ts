import { execFile } from 'node:child_process';
import { serviceError } from '../../engine/stage-error';

/** The part of the whisper.cpp addon Lifeline uses (@fugood/whisper.node's shipped typings point at a missing file). */
export interface WhisperContext {
  transcribeData(
    audio: ArrayBuffer,
    options: {
      language?: string;
      maxThreads?: number;
      temperature?: number;
      temperatureInc?: number;
      bestOf?: number;
      beamSize?: number;
    },
  ): {
    stop(): Promise<void>;
    promise: Promise<{ result: string; segments: { text: string; t0: number; t1: number }[]; isAborted: boolean }>;
  };
  release(): Promise<void>;
}
export interface WhisperAddon {
  WhisperContext: (new (options: { filePath: string; useGpu?: boolean }) => WhisperContext) & {
    toggleNativeLog?(enable: boolean): void;
  };
}

/**
 * The prebuilt addon for this machine. @fugood/whisper.node is a loader over one package per
 * platform; Lifeline uses the CPU build (no variant suffix) and loads it itself, so a failure to load
 * keeps its real cause (the loader swallows it and reports a missing local build instead).
 */
export const whisperAddonPackage = (platform: string = process.platform, arch: string = process.arch) =>
  `@fugood/node-whisper-${platform}-${arch}`;

export interface WhisperBindingOptions {
  /** Package name. Default {@link whisperAddonPackage} for this platform. */
  package?: string;
  /** Where to look for it (require.resolve's `paths`). Default: where Lifeline's own modules are. */
  paths?: readonly string[];
}

export type WhisperBindingFile = { ok: true; package: string; file: string } | { ok: false; reason: string };

/**
 * Where the addon is, found on disk without loading it: the engine process asks whether whisper can
 * run and must not pay for (or crash on) native code that only the transcribe worker uses.
 */
export function findWhisperBinding(o: WhisperBindingOptions = {}): WhisperBindingFile {
  const pkg = o.package ?? whisperAddonPackage();
  try {
    const file = require.resolve(pkg, o.paths ? { paths: [...o.paths] } : undefined);
    return { ok: true, package: pkg, file };
  } catch {
    return {
      ok: false,
      reason: `the whisper binding for this machine (${pkg}) is not installed: reinstall Lifeline, or transcribe with pocketsphinx`,
    };
  }
}

const loadFailure = (pkg: string, message: string, cause?: unknown) =>
  serviceError('WHISPER_BINDING_FAILED', `the whisper binding (${pkg}) cannot load on this machine: ${message}`, cause);

/** Loads the addon into this process (the transcribe worker). Throws WHISPER_BINDING_FAILED with the loader's reason. */
export function loadWhisperBinding(found: { package: string; file: string }): WhisperAddon {
  let addon: WhisperAddon;
  try {
    addon = require(found.file) as WhisperAddon;
  } catch (err: unknown) {
    throw loadFailure(found.package, (err as Error).message, err);
  }
  if (typeof addon?.WhisperContext !== 'function') throw loadFailure(found.package, 'it has no WhisperContext');
  // As @fugood/whisper.node does: whisper.cpp's own log stays off (it would flood the worker's stderr).
  addon.WhisperContext.toggleNativeLog?.(false);
  return addon;
}

/** How long the health check's load in a child process may take, ms (a cold disk on a loaded laptop). */
const childLoadTimeoutMs = 30_000;

/**
 * Proves the addon loads on this machine by loading it in a short-lived child process, so the
 * engine process that runs health checks never holds whisper's native code. Rejects with
 * WHISPER_BINDING_FAILED and the loader's own message.
 */
export function checkWhisperBindingLoads(found: { package: string; file: string }, signal: AbortSignal): Promise<void> {
  const script = `try { require(${JSON.stringify(found.file)}) } catch (e) { process.stdout.write(String(e && e.message)); process.exit(3) }`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', script],
      // Under Electron, execPath is the app: run it as plain Node.
      { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: childLoadTimeoutMs, signal, windowsHide: true },
      (err, stdout) => {
        if (!err) return resolve();
        if (signal.aborted) return reject(signal.reason as Error);
        const why = stdout.trim() || `the check exited with ${err.code ?? err.signal ?? err.message}`;
        reject(loadFailure(found.package, why, err));
      },
    );
  });
}
