// Named tracers for hot-path detail, switched on by RHEO_TRACE as grpc-js's
// GRPC_TRACE does: `RHEO_TRACE=transport,raft`, `all`, and `-name` to leave
// one out of `all`. Off by default. A tracer that is off costs one boolean
// check at the call site (`if (t.enabled) t.log(...)`), so hot paths keep
// their trace calls and pay nothing for them.

/** Environment variable that lists the tracers to switch on. */
export const traceEnv = 'RHEO_TRACE';

/** Tracers the server defines (others may be named; they are simply never used). */
export const tracerNames = Object.freeze(['transport', 'raft', 'storage', 'produce', 'config'] as const);

export interface TraceSelection {
  readonly all: boolean;
  readonly on: ReadonlySet<string>;
  readonly off: ReadonlySet<string>;
}

/** Parses a RHEO_TRACE value (comma-separated names, `all`, `-name`). */
export function parseTraceSelection(value: string | undefined): TraceSelection {
  const on = new Set<string>();
  const off = new Set<string>();
  let all = false;
  for (const raw of (value ?? '').split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if (name === 'all') all = true;
    else if (name.startsWith('-')) off.add(name.slice(1));
    else on.add(name);
  }
  return { all, on, off };
}

export function isTraceEnabled(selection: TraceSelection, name: string): boolean {
  if (selection.off.has(name)) return false;
  return selection.all || selection.on.has(name);
}
