// `tsc -b` builds the packages in parallel and orders them only by their
// tsconfig `references`. A package that imports a sibling it does not
// reference may be type-checked before that sibling's declarations exist,
// and the build then fails on a clean clone, depending on timing (it did in
// CI once: testkit imported @rheo/server without referencing it). So every
// sibling a package's sources import must be both a dependency in its
// package.json and a reference in its tsconfig.json.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
const siblingImport = /(?:from\s+|import\s*\(\s*)'@rheo\/([a-z-]+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function importedSiblings(pkg: string): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(join(packagesDir, pkg, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(siblingImport)) {
      if (match[1] !== pkg) found.add(match[1] as string);
    }
  }
  return found;
}

const packages = readdirSync(packagesDir).filter((name) =>
  statSync(join(packagesDir, name, 'src'), { throwIfNoEntry: false })?.isDirectory(),
);

test('the workspace has the packages this check expects to read', () => {
  expect(packages).toEqual(expect.arrayContaining(['server', 'testkit', 'cli', 'wire']));
});

test.each(packages)('%s references and depends on every sibling its sources import', (pkg) => {
  const tsconfig = JSON.parse(readFileSync(join(packagesDir, pkg, 'tsconfig.json'), 'utf8')) as {
    references?: { path: string }[];
  };
  const manifest = JSON.parse(readFileSync(join(packagesDir, pkg, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const referenced = new Set((tsconfig.references ?? []).map((ref) => ref.path.replace(/^\.\.\//, '')));
  const declared = new Set(Object.keys(manifest.dependencies ?? {}));
  const imported = [...importedSiblings(pkg)].sort();
  expect(imported.filter((sibling) => !referenced.has(sibling))).toEqual([]);
  expect(imported.filter((sibling) => !declared.has(`@rheo/${sibling}`))).toEqual([]);
});
