// StreamName or StreamARN: Kinesis accepts either on most actions, and so
// does the gateway. An ARN names the stream after `:stream/` (Rheo's
// `arn:rheo:kinesis:<cluster>::stream/<name>` and AWS's
// `arn:aws:kinesis:<region>:<account>:stream/<name>` alike).
import { invalidArgument, validationError } from './kinesis-error.js';

/** The stream's name out of an ARN; undefined when it names no stream. */
export function streamNameOfArn(arn: string): string | undefined {
  const at = arn.indexOf(':stream/');
  if (at < 0) return undefined;
  const rest = arn.slice(at + ':stream/'.length);
  const name = rest.split('/')[0]!;
  return name === '' ? undefined : name;
}

/** The stream a request names, by StreamName or StreamARN; one of them is required. */
export function streamOf(input: Record<string, unknown>): string {
  const name = input.StreamName as string | null | undefined;
  const arn = input.StreamARN as string | null | undefined;
  if (name != null && arn != null) {
    const fromArn = streamNameOfArn(arn);
    if (fromArn !== name) throw invalidArgument(`StreamARN ${arn} does not name stream ${name}`);
    return name;
  }
  if (name != null) return name;
  if (arn != null) {
    const fromArn = streamNameOfArn(arn);
    if (fromArn === undefined) throw invalidArgument(`${arn} is not a stream ARN`);
    return fromArn;
  }
  throw validationError('Either StreamName or StreamARN should be provided.');
}
