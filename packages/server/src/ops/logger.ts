/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Values a log line may carry: flat and chosen by the caller, so nothing is logged by accident. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * Structured logs, one JSON object per line: `{"time","level","msg",…fields}`. Fields are listed
 * explicitly at each call site (an allow-list): requests are logged by method, route, status and
 * id, never by headers or bodies, so secrets, client secrets and `Authorization` cannot leak.
 */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields, error?: unknown): void;
  error(msg: string, fields?: LogFields, error?: unknown): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** What {@link createJsonLogger} writes to and from which level. */
export interface JsonLoggerOptions {
  /** Receives each line, newline included (by default, stdout in one write per event-loop turn). */
  readonly write?: ((line: string) => void) | undefined;
  readonly level?: LogLevel | undefined;
  readonly now?: (() => number) | undefined;
}

/**
 * A logger writing JSON lines. Deliberately tiny instead of pino: the fields are a fixed, flat
 * allow-list, so there is nothing to redact or serialize deeply, and one `JSON.stringify` per line
 * is all the work.
 */
export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const write = options.write ?? batchedStdout();
  const threshold = RANK[options.level ?? 'info'];
  const now = options.now ?? Date.now;
  const log = (level: LogLevel, msg: string, fields?: LogFields, error?: unknown) => {
    if (RANK[level] < threshold) return;
    // The fixed head is written by hand and the fields spliced in: no merged object per line.
    let line = `{"time":${now()},"level":"${level}","msg":${JSON.stringify(msg)}`;
    const rest = fields ? JSON.stringify(fields) : '{}';
    if (rest.length > 2) line += `,${rest.slice(1, -1)}`;
    if (error !== undefined) line += `,"err":${JSON.stringify(describeError(error))}`;
    write(`${line}}\n`);
  };
  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields, error) => log('warn', msg, fields, error),
    error: (msg, fields, error) => log('error', msg, fields, error),
  };
}

/**
 * Writes to stdout once per event-loop turn instead of once per line: under load a system call per
 * request costs more than the line itself. Whatever is pending is written (synchronously, as stdout
 * is for files and pipes on Linux) when the process exits, so a line logged before exit is not lost.
 */
function batchedStdout(): (line: string) => void {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    process.stdout.write(chunk);
  };
  process.once('exit', flush);
  return (line) => {
    pending += line;
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}

/** An error as loggable fields: its type, message and stack, never its other properties. */
function describeError(error: unknown): { type: string; message: string; stack?: string | undefined } {
  if (error instanceof Error) return { type: error.name, message: error.message, stack: error.stack };
  return { type: typeof error, message: String(error) };
}
