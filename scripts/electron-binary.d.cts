export interface ElectronLocation {
  /** Electron's version ('' when the electron package is not installed). */
  version: string;
  /** Where the executable is, or would be once downloaded. */
  binary: string;
  /** Whether that executable exists. */
  present: boolean;
}
export function locateElectron(root: string, env?: NodeJS.ProcessEnv): ElectronLocation;
export function platformExecutable(platform?: NodeJS.Platform | 'mas'): string;
