// Proves the committed generated types are current: scripts/gen-proto.mjs run
// into a temporary directory produces exactly the files in
// packages/wire/src/generated/, byte for byte. Also holds the loader to the
// generator's options and its file list to the proto directory, since the
// generated types are only true for the options they were made with.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { GENERATOR_OPTIONS } from '../src/generated/index.js';
import { protoFiles, protoLoaderOptions, resolveProtoDir } from '../src/proto.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const committedDir = join(repoRoot, 'packages', 'wire', 'src', 'generated');
const stale = 'generated proto types are stale: run npm run gen:proto';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

describe('generated proto types', () => {
  const freshDir = mkdtempSync(join(tmpdir(), 'rheo-gen-proto-'));
  afterAll(() => rmSync(freshDir, { recursive: true, force: true }));

  test('match a fresh run of scripts/gen-proto.mjs', () => {
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'gen-proto.mjs'), '--out', freshDir], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
    const fresh = listFiles(freshDir);
    expect(listFiles(committedDir), stale).toEqual(fresh);
    for (const file of fresh) {
      const same =
        readFileSync(join(freshDir, file), 'utf8') === readFileSync(join(committedDir, file), 'utf8');
      expect(same, `${file}: ${stale}`).toBe(true);
    }
  });

  test('were made with the loader options', () => {
    const loader = {
      keepCase: protoLoaderOptions.keepCase,
      longs: protoLoaderOptions.longs.name,
      enums: protoLoaderOptions.enums.name,
      bytes: protoLoaderOptions.bytes.name,
      defaults: protoLoaderOptions.defaults,
      oneofs: protoLoaderOptions.oneofs,
    };
    expect(loader).toEqual({ ...GENERATOR_OPTIONS });
  });

  test('the loader loads every .proto file of rheo/v1', () => {
    const onDisk = readdirSync(join(resolveProtoDir(), 'rheo', 'v1'))
      .filter((name) => name.endsWith('.proto'))
      .map((name) => `rheo/v1/${name}`)
      .sort();
    expect([...protoFiles]).toEqual(onDisk);
  });
});
