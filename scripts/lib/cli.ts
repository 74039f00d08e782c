import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Diagnostic } from "../../src/records/diagnostic.ts";

/** The project root: scripts work from anywhere. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Node's arguments that run a script as `npm run NAME` does: precompiled, by scripts/run.mjs. */
export function npmScript(name: string): string[] {
  return [join(ROOT, "scripts", "run.mjs"), name];
}

/**
 * Runs a CLI's main function: a thrown error prints one clear line (and the stack only
 * with DEBUG set) and exits 1; the exit code main returns is kept.
 */
export function run(main: () => Promise<number | void> | number | void): void {
  Promise.resolve()
    .then(main)
    .then((code) => {
      process.exitCode = typeof code === "number" ? code : 0;
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`error: ${message}\n`);
      if (process.env["DEBUG"] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    });
}

export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(options: T, usage: string, args = process.argv.slice(2)) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\n${usage}`);
  }
}

/** `path:line: severity: message (fix)` — the format editors' tools and terminals link. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}` : d.file;
  const fix = d.fix ? `\n    → ${d.fix}` : "";
  return `${where}: ${d.severity}: ${d.message}${fix}`;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WriteStream = process.stderr): void {
  const sorted = [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  for (const d of sorted) stream.write(`${formatDiagnostic(d)}\n`);
}
