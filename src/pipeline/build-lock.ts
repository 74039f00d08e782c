/**
 * One build at a time per output folder: a lock file in Revue's cache folder, created only
 * if absent (so only one process makes it), holding who holds it. A second build waits for
 * it a bounded time, then says which process holds it. A lock whose process is gone (a build
 * killed with SIGKILL, a machine that stopped) is taken over. The lock is released when the
 * build ends, fails, or the process exits or is stopped by a signal.
 */
import { mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";

export interface LockHolder {
  pid: number;
  host: string;
  /** When the holder took the lock (ISO 8601). */
  started: string;
  /** What holds it: `npm run build`, `npm start`. */
  command: string;
}

export interface OutputLock {
  file: string;
  release(): void;
}

export interface LockOptions {
  /** What this process is, for the message another build prints. */
  command: string;
  /** How long to wait for another build to finish (0: fail at once). */
  waitMs: number;
  /** What the lock protects, for the messages. */
  output: string;
  log?: (line: string) => void;
  /** The process stops on SIGINT and SIGTERM through process.exit (the dev server): the lock goes then, at 'exit'. */
  exitsOnSignals?: boolean;
}

/** A dev server holds its output for its whole life: waiting for it to finish would be waiting for Ctrl+C. */
const LIFELONG = "npm start";
/** A lock file that does not say who holds it is being written; past this age its writer died doing so. */
const UNWRITTEN_GRACE_MS = 5000;
const POLL_MS = 100;

export async function acquireOutputLock(file: string, options: LockOptions): Promise<OutputLock> {
  mkdirSync(dirname(file), { recursive: true });
  const mine: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: options.command };
  const text = `${JSON.stringify(mine)}\n`;
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    try {
      writeFileSync(file, text, { flag: "wx" });
      return holdLock(file, text, options.exitsOnSignals === true);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const seen = readLock(file);
    if (seen === undefined) continue;
    const holder = parseHolder(seen.text);
    if (isStale(holder, seen.age)) {
      // Removed only if it is still the dead holder's: another build may have taken it over meanwhile.
      if (readLock(file)?.text === seen.text) {
        rmLock(file);
        options.log?.(`revue: ${holder ? `process ${holder.pid} (${holder.command}) that was building ${options.output} is gone` : `an unfinished lock file was left`}; taking over its lock`);
      }
      continue;
    }
    if (Date.now() >= deadline || holder?.command === LIFELONG) throw new Error(heldMessage(holder, file, options));
    if (!told) {
      options.log?.(`revue: waiting for ${describe(holder)} to finish building ${options.output} (up to ${Math.round(options.waitMs / 1000)} s)`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Whether a process runs with this id on this machine (one run by another user counts). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isStale(holder: LockHolder | undefined, age: number): boolean {
  if (!holder) return age > UNWRITTEN_GRACE_MS;
  // A process on another machine (a shared network folder) cannot be checked: it is waited for.
  return holder.host === hostname() && !isRunning(holder.pid);
}

function heldMessage(holder: LockHolder | undefined, file: string, options: LockOptions): string {
  const what = describe(holder);
  const stop = holder?.command === LIFELONG ? `stop it (Ctrl+C in its terminal${holder ? `, or kill ${holder.pid}` : ""}) or pass another --output` : "wait for it to finish, or stop it";
  return `another build is writing ${options.output}: ${what}. One build at a time writes a folder: ${stop}. If no such process runs, delete ${file}.`;
}

function describe(holder: LockHolder | undefined): string {
  return holder ? `process ${holder.pid} (${holder.command}) on ${holder.host}, since ${holder.started}` : "a build that is starting";
}

function holdLock(file: string, text: string, exitsOnSignals: boolean): OutputLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener("exit", release);
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    // Only our own lock: a lock file someone removed and another build made is not ours to remove.
    if (readLock(file)?.text === text) rmLock(file);
  };
  process.on("exit", release);
  // A signal with no other listener kills the process without an 'exit' event: release, then
  // stop as the signal would have. A process that listens itself (the dev server) exits through 'exit'.
  const handlers: [NodeJS.Signals, () => void][] = [];
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    if (exitsOnSignals || process.listenerCount(signal) > 0) continue;
    const handler = () => {
      release();
      process.kill(process.pid, signal);
    };
    handlers.push([signal, handler]);
    process.once(signal, handler);
  }
  return { file, release };
}

function readLock(file: string): { text: string; age: number } | undefined {
  try {
    const text = readFileSync(file, "utf8");
    return { text, age: ageOf(file) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function ageOf(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    return typeof value.pid === "number" && typeof value.host === "string" ? { pid: value.pid, host: value.host, started: String(value.started ?? "?"), command: String(value.command ?? "a build") } : undefined;
  } catch {
    return undefined;
  }
}

function rmLock(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
