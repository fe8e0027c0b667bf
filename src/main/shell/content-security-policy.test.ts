import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withPolicy } from './content-security-policy';
import { rendererLocation } from './renderer-location';

const built = rendererLocation(path.resolve('/app/out/main'), undefined, false);
const dev = rendererLocation(path.resolve('/app/out/main'), 'http://localhost:5173', false);

describe('contentSecurityPolicy', () => {
  it('allows only our own scripts, no inline script, no plugins, no framing', () => {
    const policy = contentSecurityPolicy(built);
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('ws:');
  });

  it("allows Vite's inline preamble and HMR socket only in dev", () => {
    expect(contentSecurityPolicy(dev)).toContain("script-src 'self' 'unsafe-inline'");
    expect(contentSecurityPolicy(dev)).toContain('ws://localhost:*');
  });
});

describe('withPolicy', () => {
  it('replaces a policy the response brought, whatever its header case, and keeps other headers', () => {
    const out = withPolicy({ 'content-security-policy': ['default-src *'], 'X-Other': ['1'] }, "default-src 'self'");
    expect(out).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': ["default-src 'self'"] });
  });
});
