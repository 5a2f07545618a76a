// Verifies an AWS Signature Version 4 Authorization header against the
// configured access keys: the request is signed again with the caller's
// key, date, region and service, over exactly the headers the caller says it
// signed, by @smithy/signature-v4 (the signer the AWS SDKs themselves use),
// and the two signatures are compared in constant time. A request signed
// more than 5 minutes before or after the gateway's clock is refused as
// Kinesis refuses it ("Signature expired" / "Signature not yet current"),
// so a captured request cannot be replayed later. Presigned
// (query-string) requests are not verified: with keys configured they are
// refused.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { KinesisError } from './kinesis-error.js';

/** Access key id -> secret access key. */
export type AccessKeys = Readonly<Record<string, string>>;

type Headers = Readonly<Record<string, string | string[] | undefined>>;

export interface SignedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: Buffer;
}

/** node:crypto behind the signer's hash interface (HMAC when given a key). */
type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

const mismatch =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The parts of `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
function parseAuthorization(value: string): {
  credential: string[];
  signedHeaders: string[];
  signature: string;
} {
  const parts = new Map(
    value
      .replace(/^AWS4-HMAC-SHA256\s+/, '')
      .split(',')
      .map((p) => {
        const at = p.indexOf('=');
        return [p.slice(0, at).trim(), p.slice(at + 1).trim()] as const;
      }),
  );
  return {
    credential: (parts.get('Credential') ?? '').split('/'),
    signedHeaders: (parts.get('SignedHeaders') ?? '').split(';').filter((h) => h !== ''),
    signature: parts.get('Signature') ?? '',
  };
}

/** `20261130T101500Z` -> Date; undefined when it is not that form. */
function amzDate(text: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? '');
  if (m === null) return undefined;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

/** How far the signing time may be from the gateway's clock, either way, as AWS allows. */
export const signatureSkewMsMax = 5 * 60_000;

function amzText(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** AWS's own messages for a signing time outside now ± 5 minutes. */
function checkSkew(signingDate: Date, nowMs: number): void {
  const signed = signingDate.getTime();
  if (signed < nowMs - signatureSkewMsMax) {
    throw new KinesisError(
      'InvalidSignatureException',
      `Signature expired: ${amzText(signingDate)} is now earlier than ` +
        `${amzText(new Date(nowMs - signatureSkewMsMax))} (${amzText(new Date(nowMs))} - 5 min.)`,
    );
  }
  if (signed > nowMs + signatureSkewMsMax) {
    throw new KinesisError(
      'InvalidSignatureException',
      `Signature not yet current: ${amzText(signingDate)} is still later than ` +
        `${amzText(new Date(nowMs + signatureSkewMsMax))} (${amzText(new Date(nowMs))} + 5 min.)`,
    );
  }
}

/** Throws UnrecognizedClientException or InvalidSignatureException unless the signature is right. */
export async function verifySignature(
  request: SignedRequest,
  keys: AccessKeys,
  nowMs: number = Date.now(),
): Promise<void> {
  const authorization = header(request.headers, 'authorization');
  if (authorization === undefined) {
    throw new KinesisError(
      'InvalidSignatureException',
      'Presigned requests are not accepted by this gateway.',
    );
  }
  const { credential, signedHeaders, signature } = parseAuthorization(authorization);
  const [accessKeyId, , region, service] = credential;
  const secret = accessKeyId === undefined ? undefined : keys[accessKeyId];
  if (secret === undefined || !Object.hasOwn(keys, accessKeyId!)) {
    throw new KinesisError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  const signingDate = amzDate(header(request.headers, 'x-amz-date'));
  if (signingDate === undefined || region === undefined || service === undefined) {
    throw new KinesisError('InvalidSignatureException', mismatch);
  }
  checkSkew(signingDate, nowMs);
  const url = new URL(request.url, 'http://gateway');
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    // HTTP/2 carries the host as :authority.
    const value =
      header(request.headers, name) ?? (name === 'host' ? header(request.headers, ':authority') : undefined);
    if (value !== undefined) headers[name] = value;
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId: accessKeyId!, secretAccessKey: secret },
    region,
    service,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: headers.host ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: request.body,
    },
    { signingDate, signableHeaders: new Set(signedHeaders) },
  );
  const expected = parseAuthorization(String(signed.headers.authorization ?? '')).signature;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new KinesisError('InvalidSignatureException', mismatch);
}
