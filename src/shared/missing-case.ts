/** The end of every exhaustive `switch`: a new case that is not handled fails to compile. */
export function missingCase(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
