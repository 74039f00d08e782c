import { createContext, Script } from "node:vm";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import { TIMEOUT_RULE } from "../ingest/source-limits.ts";
import type { Extracted } from "./extract-source.ts";

/**
 * The time limit of one source's extraction in this process (a worker process is stopped by
 * its pool instead: ./extract-pool.ts). Node's `vm` timeout stops whatever JavaScript runs
 * when it expires, from a watchdog thread (V8's TerminateExecution): the functions the script
 * calls are stopped too, a regular expression's backtracking included, and neither their
 * `catch` nor their `finally` blocks run, so extraction cannot swallow the stop. What a
 * stopped source leaves behind is what an exception would: extraction's caches are stored only
 * once made, and the next source starts afresh. Worker processes are not needed for this: a
 * small build, `npm run check` or a dev server's rebuild would wait for one to start. The
 * watchdog is a thread started for each call: steps are run a slice of time at a time under
 * one watchdog, not one each.
 */
const context = createContext({ work: undefined as (() => void) | undefined });
const callWork = new Script("work()");
const STOPPED = "ERR_SCRIPT_EXECUTION_TIMEOUT";

/** Longest run of steps under one watchdog: a step starts only within it. */
const SLICE_MS = 50;

/** Why a source was rejected when its extraction took longer than `limitMs`. */
export function timeoutDiagnostic(display: string, limitMs: number): Diagnostic {
  const seconds = Math.round(limitMs / 100) / 10;
  return {
    file: display,
    rule: TIMEOUT_RULE,
    severity: "error",
    ...described("source-timeout", { seconds }),
  };
}

/** A source stopped by the time limit: rejected with the reason, and without a hash, so never cached. */
export function timedOutSource(display: string, limitMs: number): Extracted {
  return { result: { path: display, diagnostics: [timeoutDiagnostic(display, limitMs)], record: null } };
}

export interface StepLimits {
  /** Longest one step may run. */
  limitMs: number;
  /** Steps start only within this much time from the first (default a twentieth of a second). */
  sliceMs?: number;
}

/**
 * Runs `step(i)` for i = `from`, `from + 1`… up to `to` (excluded), starting steps for at most
 * `sliceMs`; a step that runs longer than `limitMs` is stopped and handed to `stopped(i)`.
 * Returns the index after the last step handled: the caller calls again from there (after
 * giving the event loop a turn, say). Every step gets at least `limitMs`: the watchdog allows
 * the slice on top.
 */
export function stepsWithinTimeLimit(from: number, to: number, step: (index: number) => void, stopped: (index: number) => void, limits: StepLimits): number {
  const sliceMs = limits.sliceMs ?? SLICE_MS;
  let current = from;
  const work = () => {
    const started = performance.now();
    while (current < to) {
      step(current);
      current++;
      if (performance.now() - started >= sliceMs) break;
    }
  };
  context["work"] = work;
  try {
    callWork.runInContext(context, { timeout: Math.ceil(limits.limitMs + sliceMs) });
    return current;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== STOPPED) throw error;
    // Stopped between the last step and the watchdog's end: nothing was cut short.
    if (current >= to) return current;
    stopped(current);
    return current + 1;
  } finally {
    context["work"] = undefined;
  }
}

/** `extract` on each job in turn in this process, a job that runs longer than `limitMs` rejected with the timeout's reason. */
export function extractEachWithinTimeLimit<J, R>(jobs: readonly J[], extract: (job: J) => R, timedOut: (job: J) => R, limitMs: number): R[] {
  const results: R[] = new Array(jobs.length);
  for (let i = 0; i < jobs.length; ) {
    i = stepsWithinTimeLimit(
      i,
      jobs.length,
      (at) => (results[at] = extract(jobs[at] as J)),
      (at) => (results[at] = timedOut(jobs[at] as J)),
      { limitMs },
    );
  }
  return results;
}
