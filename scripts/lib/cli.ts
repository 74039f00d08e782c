import { join } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { loadSiteConfig } from "../../src/config.ts";
import { formatDiagnostic } from "../../src/messages/diagnostic-line.ts";
import { editorMessages, type EditorMessages } from "../../src/messages/editor.ts";
import type { EditorLang } from "../../src/messages/plural.ts";
import type { Diagnostic } from "../../src/model/diagnostic.ts";
import { RUNS_COMPILED, TYPESCRIPT_LOADER } from "../../src/pipeline/typescript-loader.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";

/** The project root: scripts work from anywhere. */
export const ROOT = PROJECT_ROOT;

/**
 * Node's arguments that run scripts/NAME.ts the way this process runs its own code: its
 * compiled module in dist/ (the npm scripts), or its source through tsx (the tests).
 */
export function npmScript(name: string): string[] {
  return RUNS_COMPILED ? [join(ROOT, "dist", `${name}.mjs`)] : [...TYPESCRIPT_LOADER, join(ROOT, "scripts", `${name}.ts`)];
}

/** The language a command's failure is told in: the site's, once the command knows its content folder. */
let failureLang: EditorLang = "fr";

/**
 * The language of the site in `contentDir` (content/site.yml `lang`, REVUE_LANG), which the
 * command then speaks, failures included; French when the settings cannot be read.
 */
export function editorLanguage(contentDir: string): { lang: EditorLang; say: EditorMessages } {
  let lang: EditorLang = "fr";
  try {
    lang = loadSiteConfig(contentDir).lang;
  } catch {
    // A broken site.yml is reported by the build itself; the command still speaks.
  }
  failureLang = lang;
  return { lang, say: editorMessages(lang) };
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
      process.stderr.write(`${editorMessages(failureLang).failed}: ${message}\n`);
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

export function printDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WriteStream = process.stderr, lang: EditorLang = "fr"): void {
  const sorted = [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  for (const d of sorted) stream.write(`${formatDiagnostic(d, lang)}\n`);
}
