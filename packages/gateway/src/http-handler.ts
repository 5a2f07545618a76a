// The HTTP side of a request, the same for HTTP/1.1 and HTTP/2 (node's
// compatibility API gives both the same req/res): read the body up to the
// size limit (the pipeline's first step: 413 past it, without reading on),
// run the pipeline, write the answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { ClusterAccess } from './cluster-access.js';
import { KinesisError } from './kinesis-error.js';
import {
  errorResponse,
  type GatewayResponse,
  handleRequest,
  type InternalErrorSink,
  type PipelineOptions,
} from './request-pipeline.js';

type Request = IncomingMessage | Http2ServerRequest;
type Response = ServerResponse | Http2ServerResponse;

/** Body bytes read at most when no limit is configured: 5 MiB of PutRecords data in base64, and room. */
export const requestBytesMaxDefault = 7 * 1024 * 1024;

/** The body; 'too-large' past the limit (not read on); 'aborted' when the caller went away before its end. */
function readBody(req: Request, bytesMax: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > bytesMax) return resolve('too-large');
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > bytesMax) {
        req.removeAllListeners('data');
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, bytes)));
    // After 'end' this is a no-op (a promise settles once).
    req.on('close', () => resolve('aborted'));
    req.on('error', reject);
  });
}

function write(res: Response, answer: GatewayResponse): void {
  if (res.headersSent) return;
  // The two response types share this call; their overloads differ only in the header types.
  (res as ServerResponse).writeHead(answer.statusCode, answer.headers);
  res.end(answer.body);
}

/** Writes an event stream as it comes, under the connection's flow control; stops it if the caller leaves. */
async function writeStream(
  res: Response,
  answer: GatewayResponse,
  stream: AsyncIterable<Buffer>,
): Promise<void> {
  let finished = false;
  res.once('close', () => {
    if (!finished) answer.cancel?.();
  });
  (res as ServerResponse).writeHead(answer.statusCode, answer.headers);
  for await (const chunk of stream) {
    if (res.destroyed) break;
    if (!(res as ServerResponse).write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
  finished = true;
  res.end();
}

export function requestHandler(
  cluster: ClusterAccess,
  bytesMax: number,
  options: PipelineOptions & { readonly onInternalError: InternalErrorSink },
): (req: Request, res: Response) => void {
  const { onInternalError } = options;
  return (req, res) => {
    void (async () => {
      try {
        const body = await readBody(req, bytesMax);
        if (body === 'aborted') return;
        if (body === 'too-large') {
          const tooLarge = new KinesisError(
            'SerializationException',
            `Request body exceeds ${bytesMax} bytes`,
            413,
          );
          write(res, errorResponse(tooLarge));
          return;
        }
        const answer = await handleRequest(
          cluster,
          { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body },
          options,
        );
        if (answer.stream === undefined) write(res, answer);
        else await writeStream(res, answer, answer.stream);
      } catch (err) {
        onInternalError(err, '');
        write(res, errorResponse(new KinesisError('InternalFailure', 'internal error', 500)));
      }
    })();
  };
}
