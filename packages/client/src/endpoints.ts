// Seed endpoints: the addresses a client knows before it has a shard map.
// Any node answers the shard map (DESIGN.md §2), so a client given several
// tries the next one when one fails, and rotates where it starts.
import { RheoError } from '@rheo/wire';

const hostPortPattern = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):([0-9]{1,5})$/;

/** Checks one `host:port` (IPv6 in brackets) and returns it trimmed. */
export function parseEndpoint(text: string): string {
  const trimmed = text.trim();
  const match = hostPortPattern.exec(trimmed);
  const port = match === null ? 0 : Number(match[2]);
  if (match === null || port < 1 || port > 65_535) {
    throw new RheoError('InvalidArgument', `endpoint "${text}" is not host:port (port 1 to 65535)`, {
      field: 'endpoints',
    });
  }
  return trimmed;
}

/** Endpoints from a list whose items may themselves be comma lists ("a:1,b:2"); duplicates dropped. */
export function parseEndpoints(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    for (const part of item.split(',')) {
      if (part.trim() === '') continue;
      const endpoint = parseEndpoint(part);
      if (!out.includes(endpoint)) out.push(endpoint);
    }
  }
  if (out.length === 0) {
    throw new RheoError('InvalidArgument', 'no endpoint given (host:port, several allowed)', {
      field: 'endpoints',
    });
  }
  return out;
}

/**
 * The order to try the seeds in: starting from the one that last answered
 * well (sticky, so a client keeps asking a node that knows the leaders), and
 * moving past it only when told (`demote`).
 */
export class SeedRing {
  private first = 0;

  constructor(readonly seeds: readonly string[]) {}

  /** The seeds in the order to try them for one call. */
  order(): string[] {
    const start = this.first % this.seeds.length;
    return [...this.seeds.slice(start), ...this.seeds.slice(0, start)];
  }

  /** `address` answered well: start there next time. */
  prefer(address: string): void {
    const i = this.seeds.indexOf(address);
    if (i >= 0) this.first = i;
  }

  /** `address` failed or answered poorly: start after it next time. */
  demote(address: string): void {
    const i = this.seeds.indexOf(address);
    if (i >= 0 && i === this.first % this.seeds.length) this.first = i + 1;
  }
}
