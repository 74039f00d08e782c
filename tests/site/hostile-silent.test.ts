import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { before, describe, it } from "node:test";
import { build } from "../../scripts/lib/build.ts";
import type { Diagnostic } from "../../src/model/diagnostic.ts";
import { walkFiles } from "../../src/pipeline/walk.ts";
import { fixtureContent } from "../helpers/content.ts";
import { scratchDir } from "../helpers/scratch.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SILENT = join(ROOT, "tests/fixtures/hostile/articles/silent");

interface Report {
  read: number;
  published: string[];
  drafts: string[];
  rejected: { path: string; reasons: string[] }[];
  skipped: { path: string; reason: string }[];
  diagnostics: Diagnostic[];
}

const article = (title: string, text: string) => `---\ntitle: ${title}\ndate: 2021-05-05\n---\n\n${text}\n`;

/**
 * The silent-loss fixtures, plus what cannot be committed: symbolic links (made here, at run
 * time), files of other types, and an article outside the content folder that a link points to.
 */
function silentContent(): { content: string; outside: string } {
  const content = fixtureContent();
  const folder = join(content, "articles/silent");
  cpSync(SILENT, folder, { recursive: true });
  mkdirSync(join(content, "imported/dossier"), { recursive: true });
  writeFileSync(join(content, "imported/article-lie.md"), article("Un article lu par un lien", "Le lien pointe dans le dossier du contenu."));
  writeFileSync(join(content, "imported/dossier/dans-un-dossier-lie.md"), article("Un article dans un dossier lié", "Le dossier est lié depuis les articles."));
  const outside = join(scratchDir("outside"), "secret.md");
  writeFileSync(outside, article("Un secret hors du contenu", "Ce texte ne doit jamais être publié."));
  symlinkSync("../../imported/article-lie.md", join(folder, "lien-interne.md"));
  symlinkSync("../../imported/dossier", join(folder, "dossier-lie"));
  symlinkSync(outside, join(folder, "lien-externe.md"));
  symlinkSync("../nulle-part.md", join(folder, "lien-casse.md"));
  symlinkSync("..", join(folder, "boucle"));
  symlinkSync("lien-soi.md", join(folder, "lien-soi.md"));
  symlinkSync("hammouchi-genuine.md", join(folder, "doublon.md"));
  writeFileSync(join(folder, "scan.pdf"), "%PDF-1.4\n");
  writeFileSync(join(folder, "LISEZMOI"), "Pas un article.\n");
  return { content, outside };
}

const EXPECTED_SKIPS: Record<string, RegExp> = {
  "silent/.notes-privees.md": /^hidden file$/,
  "silent/.brouillons": /^hidden folder$/,
  "silent/hammouchi-genuine.md~": /^an editor.s backup file$/,
  "silent/scan.pdf": /^unknown file type `\.pdf`$/,
  "silent/LISEZMOI": /^unknown file type `\(none\)`$/,
  "silent/lien-externe.md": /^symbolic link not followed: its target \(.*secret\.md\) is outside the content folder$/,
  "silent/lien-casse.md": /^symbolic link not followed: broken link/,
  "silent/boucle": /^symbolic link not followed: .*loop/,
  "silent/lien-soi.md": /^symbolic link not followed: .*loop/,
  "silent/doublon.md": /^symbolic link not followed: its file is read already as .*silent\/hammouchi-genuine\.md$/,
};

const tail = (path: string) => path.slice(path.indexOf("silent/"));

describe("nothing is lost silently", () => {
  let content: string;
  let outside: string;
  let output: string;
  let report: Report;
  const lines: string[] = [];

  before(async () => {
    ({ content, outside } = silentContent());
    output = join(scratchDir("site"), "_site");
    await build({ content, output, ci: false, log: (line) => lines.push(line) });
    report = JSON.parse(readFileSync(join(dirname(output), ".cache/build-report.json"), "utf8"));
  });

  it("lists every file it does not read in the report, with its reason", () => {
    const skipped = Object.fromEntries(report.skipped.map((entry) => [tail(entry.path), entry.reason]));
    for (const [path, reason] of Object.entries(EXPECTED_SKIPS)) assert.match(skipped[path] ?? "(not listed)", reason, path);
    assert.equal(report.skipped.length, Object.keys(EXPECTED_SKIPS).length, JSON.stringify(report.skipped, null, 1));
    // Each as a warning naming the file, none as an error.
    for (const entry of report.skipped) {
      const warning = report.diagnostics.find((d) => d.rule === "source-skipped" && d.file === entry.path);
      assert.equal(warning?.severity, "warning", entry.path);
    }
  });

  it("follows the links that stay in the content folder, once per file", () => {
    const published = report.published.map(tail);
    assert.ok(published.includes("silent/lien-interne.md"), published.join(", "));
    assert.ok(published.includes("silent/dossier-lie/dans-un-dossier-lie.md"), published.join(", "));
    assert.ok(existsSync(join(output, "articles/lien-interne/index.html")), "a link's page is at the link's name, where the article is in the archive");
    assert.ok(existsSync(join(output, "articles/dans-un-dossier-lie/index.html")));
  });

  it("never reads what a link out of the content folder points to", () => {
    assert.ok(existsSync(outside));
    const everything = [...report.published, ...report.drafts, ...report.rejected.map((r) => r.path)];
    assert.ok(!everything.some((path) => path.includes("lien-externe") || path.includes("secret")), everything.join(", "));
    for (const file of walkFiles(output)) assert.doesNotMatch(readFileSync(file, "latin1"), /jamais être publié|Un secret hors du contenu/, file);
  });

  it("accounts for every entry of the articles folder: read (published, draft, rejected) or skipped", () => {
    assert.equal(report.read, report.published.length + report.drafts.length + report.rejected.length);
    assert.ok(!report.published.some((path) => /\.notes-privees|brouillon|\.md~/.test(path)));
  });

  it("says so in the build's log line, one line per skipped file", () => {
    const summary = lines.find((line) => line.startsWith("revue : "));
    assert.match(summary ?? "", new RegExp(`, ${Object.keys(EXPECTED_SKIPS).length} ignorées? ;`));
    for (const path of Object.keys(EXPECTED_SKIPS)) assert.ok(lines.some((line) => line.startsWith("  ignoré ") && line.includes(path)), path);
  });

  it("publishes a look-alike title at its own file's address, the genuine article's left alone, and warns", () => {
    // a-lookalike.md sorts first and writes « Hаmmouchi » with a Cyrillic « а »: pages are placed by file name, not by title.
    const page = readFileSync(join(output, "articles/hammouchi-genuine/index.html"), "utf8");
    assert.match(page, /délégation de la police espagnole/);
    assert.doesNotMatch(page, /se fait passer/);
    assert.match(readFileSync(join(output, "articles/a-lookalike/index.html"), "utf8"), /se fait passer/);
    assert.ok(report.published.some((path) => path.endsWith("silent/hammouchi-genuine.md")));
    assert.ok(report.published.some((path) => path.endsWith("silent/a-lookalike.md")));
    const warning = report.diagnostics.find((d) => d.rule === "title-look-alike");
    assert.equal(warning?.severity, "warning");
    assert.match(warning?.file ?? "", /silent\/a-lookalike\.md$/);
    assert.match(warning?.message ?? "", /«H\u0430mmouchi» \(Latin and Cyrillic letters, read «Hammouchi»\)/);
  });

  it("does not fail a CI build for skipped files alone, and `npm run check` lists them", async () => {
    rmSync(join(content, "articles/silent/a-lookalike.md"));
    const ciLines: string[] = [];
    await build({ content, output: join(scratchDir("site"), "_site"), ci: true, log: (line) => ciLines.push(line) });
    assert.ok(ciLines.some((line) => line.startsWith("  ignoré ") && line.includes("silent/scan.pdf")));
    const out = execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/check.ts"), "--content", content], { cwd: ROOT, encoding: "utf8" });
    assert.match(out, new RegExp(`${Object.keys(EXPECTED_SKIPS).length} ignorés?\\)`));
    assert.match(out, /silent\/\.notes-privees\.md: avertissement: non lu : fichier caché/);
    assert.match(out, /silent\/lien-casse\.md: avertissement: non lu : lien symbolique non suivi : lien cassé/);
  });
});
