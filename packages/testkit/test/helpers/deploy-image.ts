// deploy/Dockerfile as the image build reads it: the ENTRYPOINT and the
// `/usr/local/bin/rheo` wrapper it writes, with the image's paths (/app/...).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './deploy-helm.js';

function dockerfile(): string {
  return readFileSync(join(repoRoot, 'deploy/Dockerfile'), 'utf8');
}

/** The exec-form ENTRYPOINT, word by word. */
export function imageEntrypoint(): string[] {
  const m = dockerfile().match(/^ENTRYPOINT (\[.*\])$/m);
  if (m === null) throw new Error('deploy/Dockerfile has no exec-form ENTRYPOINT');
  return JSON.parse(m[1]!);
}

/** The text of the image's `rheo` wrapper script. */
export function imageRheoWrapper(): string {
  const m = dockerfile().match(/printf '([^']*)' > \/usr\/local\/bin\/rheo/);
  if (m === null) throw new Error('deploy/Dockerfile no longer writes /usr/local/bin/rheo with printf');
  return m[1]!.replaceAll('\\n', '\n');
}
