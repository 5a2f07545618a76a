// The auth step of the pipeline. A request must carry an AWS Signature
// Version 4 Authorization header (or presigned query parameters) with every
// part, and a date, as Kinesis requires; without them it is refused with the
// error Kinesis gives. This step checks the form only. When access keys are
// configured, sigv4-verify.ts then checks the signature itself; without
// them any well-formed SigV4 header is accepted (a node's `gateway_auth
// any`, the local-development mode that `rheo dev` uses).
import { KinesisError } from './kinesis-error.js';

const algorithm = 'AWS4-HMAC-SHA256';
const parts = ['Credential', 'Signature', 'SignedHeaders'] as const;

type Headers = Readonly<Record<string, string | string[] | undefined>>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Throws the Kinesis error for a missing or incomplete signature; returns when the request may go on. */
export function checkSignature(headers: Headers, query: URLSearchParams): void {
  const authorization = header(headers, 'authorization');
  if (authorization === undefined) {
    if (query.has('X-Amz-Algorithm')) {
      checkPresigned(query);
      return;
    }
    throw new KinesisError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const trimmed = authorization.trim();
  if (!trimmed.startsWith(`${algorithm} `)) {
    throw new KinesisError(
      'IncompleteSignatureException',
      `Authorization header requires existence of the ${algorithm} algorithm. Authorization=${trimmed}`,
    );
  }
  const present = new Set(
    trimmed
      .slice(algorithm.length + 1)
      .split(',')
      .map((p) => p.trim().split('=')[0]!),
  );
  const missing = parts.filter((p) => !present.has(p));
  if (missing.length > 0) {
    throw new KinesisError(
      'IncompleteSignatureException',
      `${missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' ')} Authorization=${trimmed}`,
    );
  }
  if (header(headers, 'x-amz-date') === undefined && header(headers, 'date') === undefined) {
    throw new KinesisError(
      'IncompleteSignatureException',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
}

function checkPresigned(query: URLSearchParams): void {
  const wanted = [
    'X-Amz-Algorithm',
    'X-Amz-Credential',
    'X-Amz-Signature',
    'X-Amz-SignedHeaders',
    'X-Amz-Date',
  ];
  const missing = wanted.filter((p) => !query.has(p));
  if (missing.length > 0) {
    throw new KinesisError(
      'IncompleteSignatureException',
      `AWS query-string parameters must include ${missing.map((p) => `'${p}'`).join(', ')}.`,
    );
  }
}
