import { describe, expect, it } from 'vitest';
import { requestShapeProblem } from './strict-request';

/** `levels` objects, each holding the next. */
const nested = (levels: number): unknown => {
  let v: unknown = {};
  for (let i = 1; i < levels; i++) v = { a: v };
  return v;
};

// README, Headless mode: "nesting deeper than 32 levels [is] refused with INVALID_REQUEST before any
// handler runs"; the HTTP side is test/integration/api-strictness.test.ts.
describe('how deep a request may nest', () => {
  it('takes 32 levels and refuses the 33rd, arrays counting as levels too', () => {
    expect(requestShapeProblem(nested(32))).toBeNull();
    expect(requestShapeProblem(nested(33))).toBe('the request is nested deeper than 32 levels');
    expect(requestShapeProblem({ a: [nested(30)] })).toBeNull();
    expect(requestShapeProblem({ a: [nested(31)] })).not.toBeNull();
  });
});
