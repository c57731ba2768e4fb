import { describe, expect, it } from 'vitest';
import { buildCsp, CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../../electron/main/security/csp.js';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('content security policy (SEC-8)', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('runs scripts only from our own origin: no inline code, no eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic/);
  });

  it('denies by default and shuts plugins, frames, <base> and forms', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    for (const d of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(policy.get(d), d).toEqual(["'none'"]);
    }
  });

  it('lets media come from media:// and nothing from the network', () => {
    expect(policy.get('media-src')).toContain('media:');
    expect(policy.get('img-src')).toContain('media:');
    for (const sources of policy.values()) {
      for (const s of sources) expect(s).not.toMatch(/^(\*|https?:|wss?:|file:)/);
    }
  });

  it('is one header value: directives separated by "; ", no comma (a comma starts a second policy)', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain(',');
    expect(CONTENT_SECURITY_POLICY.split('; ')).toHaveLength(Object.keys(CSP_DIRECTIVES).length);
  });

  it('builds from a table and refuses tokens that would inject a directive', () => {
    expect(buildCsp({ 'default-src': ["'none'"], 'img-src': ["'self'", 'data:'] })).toBe(
      "default-src 'none'; img-src 'self' data:",
    );
    expect(() => buildCsp({ 'script-src': ["'self'; script-src *"] })).toThrow(/Invalid CSP source/);
    expect(() => buildCsp({ 'script-src': ["'self', script-src *"] })).toThrow(/Invalid CSP source/);
    expect(() => buildCsp({ 'script src': ["'self'"] })).toThrow(/directive name/);
    expect(() => buildCsp({ 'script-src': [] })).toThrow(/no sources/);
  });
});
