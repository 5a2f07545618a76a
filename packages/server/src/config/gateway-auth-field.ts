// The gateway's authentication keys (docs/gateway.md): gateway_auth picks
// SigV4 verification (the default) or "any" (local development), and the
// access keys come from gateway_access_keys_file and/or gateway_access_keys
// (RHEO_GATEWAY_ACCESS_KEYS). Both hold `ACCESS_KEY_ID:SECRET` lines, the
// form a Kubernetes Secret carries as one value. The file is read while the
// configuration loads, so a missing or malformed file stops start-up with
// the other configuration problems. Messages name lines, never secrets.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const gatewayAuthModes = ['sigv4', 'any'] as const;
export type GatewayAuthMode = (typeof gatewayAuthModes)[number];

/** Access key id -> secret access key. */
export type GatewayAccessKeys = Readonly<Record<string, string>>;

const ACCESS_KEY_ID_RE = /^[A-Za-z0-9_.-]{1,128}$/;
const SECRET_RE = /^\S{1,256}$/;
const linesExpected = 'ACCESS_KEY_ID:SECRET lines';

/** The keys of `ACCESS_KEY_ID:SECRET` lines (blank lines and `#` comments skipped), or the first problem. */
export function parseAccessKeys(text: string): GatewayAccessKeys | string {
  const keys: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf(':');
    const id = at === -1 ? '' : line.slice(0, at).trim();
    const secret = at === -1 ? '' : line.slice(at + 1).trim();
    if (!ACCESS_KEY_ID_RE.test(id) || !SECRET_RE.test(secret))
      return `${linesExpected} (line ${i + 1} is not ACCESS_KEY_ID:SECRET with an id of letters, digits, "_", "." or "-" and a secret without spaces)`;
    if (Object.hasOwn(keys, id)) return `${linesExpected} (line ${i + 1} repeats access key id ${id})`;
    keys[id] = secret;
  }
  if (Object.keys(keys).length === 0) return `${linesExpected} (none found)`;
  return Object.freeze(keys);
}

/** gateway_access_keys: the lines themselves; empty or null for none. */
export function accessKeysField() {
  return z
    .union([z.null(), z.string({ error: linesExpected })], { error: linesExpected })
    .transform((s, ctx) => {
      if (s === null || s.trim() === '') return null;
      const keys = parseAccessKeys(s);
      if (typeof keys === 'string') {
        ctx.addIssue({ code: 'custom', message: keys });
        return z.NEVER;
      }
      return keys;
    });
}

/** gateway_access_keys_file: a path, read now; empty or null for none. */
export function accessKeysFileField() {
  const expected = `a readable file of ${linesExpected}`;
  return z.union([z.null(), z.string({ error: expected })], { error: expected }).transform((s, ctx) => {
    if (s === null || s.trim() === '') return null;
    let text: string;
    try {
      text = readFileSync(s.trim(), 'utf8');
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `${expected} (${(err as Error).message})` });
      return z.NEVER;
    }
    const keys = parseAccessKeys(text);
    if (typeof keys === 'string') {
      ctx.addIssue({ code: 'custom', message: `a file of ${keys}` });
      return z.NEVER;
    }
    return { path: s.trim(), keys };
  });
}

/** The keys of both sources (the inline ones win on a repeated id); null when neither gives any. */
export function mergedAccessKeys(
  file: { readonly keys: GatewayAccessKeys } | null,
  inline: GatewayAccessKeys | null,
): GatewayAccessKeys | null {
  if (file === null && inline === null) return null;
  return Object.freeze({ ...file?.keys, ...inline });
}

/** Why a node with a gateway in sigv4 mode cannot start without keys, and what to set. */
export const gatewayKeysMissing =
  'is sigv4 (the default), which verifies AWS signatures against access keys, but none are configured: ' +
  'set gateway_access_keys_file (ACCESS_KEY_ID:SECRET lines) or RHEO_GATEWAY_ACCESS_KEYS, ' +
  'or gateway_auth any to accept any signature (local development only)';
