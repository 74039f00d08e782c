import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildArchive, type Archive } from "../../src/pipeline/build-archive.ts";
import { scratchDir } from "../helpers/scratch.ts";
import { npmScript } from "../../scripts/lib/cli.ts";

const ROOT = join(import.meta.dirname, "..", "..");
/** A hang guard, not a timing claim: each of these builds takes seconds; one that never ends is cut here. */
const HANG_GUARD_MS = 60_000;

/**
 * The hostile sources of tests/fixtures/hostile/articles/limits, the ones too big to commit,
 * and a knowledge base with a file over the limits and patterns editors should not write.
 */
function limitsContent(): string {
  const dir = join(scratchDir("limits"), "content");
  const articles = join(dir, "articles/limits");
  cpSync(join(ROOT, "tests/fixtures/hostile/articles/limits"), articles, { recursive: true });
  cpSync(join(ROOT, "content/rules"), join(dir, "rules"), { recursive: true });
  const frontMatter = (title: string, extra = "") => `---\ntitle: ${title}\ndate: 2021-03-04\n${extra}---\n\n`;
  writeFileSync(join(articles, "huge-value.md"), frontMatter("Une valeur de dix mégaoctets", `summary: ${"a".repeat(10 * 1024 * 1024)}\n`) + "Le corps.\n");
  let map = "";
  for (let depth = 0; depth < 3000; depth++) map += `${" ".repeat(depth)}k:\n`;
  writeFileSync(join(articles, "deep-map.md"), `---\ntitle: Une carte de trois mille niveaux\n${map}${" ".repeat(3000)}v: 1\n---\n\nLe corps.\n`);
  // Under the size limit, so that the depth is what refuses it.
  let shallowerMap = "";
  for (let depth = 0; depth < 40; depth++) shallowerMap += `${" ".repeat(depth)}k${depth}:\n`;
  writeFileSync(join(articles, "forty-levels.md"), `---\ntitle: Une carte de quarante niveaux\n${shallowerMap}${" ".repeat(40)}v: 1\n---\n\nLe corps.\n`);
  writeFileSync(join(articles, "indented-list.md"), frontMatter("Une liste indentée de mille deux cents niveaux") + Array.from({ length: 1200 }, (_, i) => `${"  ".repeat(i)}- élément ${i}`).join("\n") + "\n");
  writeFileSync(join(articles, "huge-paragraph.md"), frontMatter("Un paragraphe d'un mégaoctet") + "Premier paragraphe, *normal*.\n\n" + "*a _b [c `d ".repeat(Math.ceil((1024 * 1024) / 12)) + "\n");
  writeFileSync(join(articles, "redos-url.md"), frontMatter("Un article d'un agrégateur piégé", `url: https://redos.example/${"a".repeat(60)}!\n`) + "Le corps de l'article.\n");
  writeFileSync(join(articles, "valid.md"), frontMatter("Un article ordinaire") + "Un paragraphe ordinaire.\n");

  mkdirSync(join(dir, "outlets"));
  writeFileSync(join(dir, "outlets/redos.yml"), "name: Redos\ndomains:\n  - redos.example\naggregator:\n  path: ^/(a+)+$\n  sources:\n    a: redos\n");
  writeFileSync(join(dir, "outlets/lookahead.yml"), "name: Lookahead\ndomains:\n  - lookahead.example\naggregator:\n  path: ^/(?=fr)([a-z]+)/\n  sources:\n    fr: lookahead\n");
  mkdirSync(join(dir, "actors/people"), { recursive: true });
  writeFileSync(join(dir, "actors/people/deep.yml"), `name: Profond\ndescription: ${"[".repeat(3000)}${"]".repeat(3000)}\n`);
  writeFileSync(join(dir, "actors/people/ordinary.yml"), "name: Abdellatif Hammouchi\n");
  // A back-reference among the patterns of the related-articles zone.
  const boilerplate = readFileSync(join(dir, "rules/boilerplate.yml"), "utf8").replace("\nsection_end:\n", '\nsection_end:\n  - "(\\\\w+) \\\\1"\n');
  // A furniture pattern that backtracks forever in JavaScript on a line of x, and a capture with such a line.
  writeFileSync(join(dir, "rules/boilerplate.yml"), boilerplate.replace("\nline:\n", '\nline:\n  - "(x+x+)+y"\n'));
  writeFileSync(join(articles, "backtracking-line.txt"), `Une capture qui piège un motif : la coopération sécuritaire\n\nLe directeur général de la Sûreté nationale a reçu une délégation à Rabat, indique un communiqué publié ce jour.\n\n${"x".repeat(40)}\n\nLe corps de la capture continue, un paragraphe ordinaire sur la coopération entre les deux pays.\n`);
  return dir;
}

const name = (path: string) => path.split("/").pop() ?? path;

function outcomes(archive: Archive) {
  const rejected = Object.fromEntries(archive.report.rejected.map((r) => [name(r.path), r.reasons.join("; ")]));
  return { rejected, published: archive.report.published.map(name) };
}

describe("sources over the limits", () => {
  let content: string;
  const archives: Record<string, Archive> = {};

  before(async () => {
    content = limitsContent();
    for (const workers of [1, 2]) archives[workers] = await buildArchive({ contentDir: content, cwd: content, workers, today: new Date("2026-01-01T00:00:00Z") });
  }, { timeout: 2 * HANG_GUARD_MS });

  for (const workers of [1, 2]) {
    it(`rejects each one with its reason, in ${workers === 1 ? "this process" : "the extraction workers"}, and publishes the rest`, () => {
      const { rejected, published } = outcomes(archives[workers] as Archive);
      assert.match(rejected["nested-quotes.md"] ?? "", /Markdown nested \d+ levels deep.*limit of 32/);
      assert.match(rejected["nested-list.md"] ?? "", /Markdown nested \d+ levels deep/);
      assert.match(rejected["indented-list.md"] ?? "", /Markdown nested \d+ levels deep/);
      assert.match(rejected["deep-front-matter.md"] ?? "", /YAML nested \d+ levels deep, over the limit of 32/);
      assert.match(rejected["deep-front-matter-list.md"] ?? "", /YAML nested \d+ levels deep/);
      assert.match(rejected["forty-levels.md"] ?? "", /YAML nested 33 levels deep/);
      assert.match(rejected["deep-map.md"] ?? "", /the YAML is \d+ KB long, over the limit/);
      assert.match(rejected["huge-value.md"] ?? "", /over the limit/);
      for (const file of ["valid.md", "quotes-within-limit.md", "delimiter-paragraph.md", "huge-paragraph.md", "redos-url.md", "backtracking-line.txt"]) assert.ok(published.includes(file), `${file} published`);
      assert.equal(archives[workers]?.report.read, 14);
    });
  }

  it("names the line of the limit where it is known", () => {
    const at = (file: string, rule: string) => archives[1]?.diagnostics.find((d) => d.file.endsWith(file) && d.rule === rule);
    assert.equal(at("nested-quotes.md", "markdown-limit")?.line, 6);
    assert.equal(at("nested-list.md", "markdown-limit")?.line, 8);
    assert.equal(at("deep-front-matter.md", "yaml-limit")?.line, 4);
    assert.equal(at("forty-levels.md", "yaml-limit")?.line, 3 + 32);
    assert.equal(at("huge-value.md", "yaml-limit")?.line, 1 + 1, "the document size is checked first: the front matter's first line");
    for (const file of ["nested-quotes.md", "deep-front-matter.md"]) assert.ok(at(file, file.includes("front") ? "yaml-limit" : "markdown-limit")?.fix, `${file} has a fix`);
  });

  it("shows a paragraph too long for Markdown as its text, escaped, and warns", () => {
    const record = archives[1]?.records.find((r) => r.sourcePath.endsWith("delimiter-paragraph.md"));
    assert.ok(record);
    assert.ok(record.html.includes(`<p>${"*_".repeat(3000)} fin du paragraphe &lt;b&gt;&amp;</p>`), "the paragraph's text is kept, escaped");
    assert.match(record.html, /<p>Un paragraphe <em>normal<\/em> après\.<\/p>/, "the other paragraphs are Markdown");
    const warning = archives[1]?.diagnostics.find((d) => d.file.endsWith("delimiter-paragraph.md") && d.rule === "markdown-long-paragraph");
    assert.equal(warning?.severity, "warning");
    assert.equal(warning?.line, 8);
    const huge = archives[1]?.records.find((r) => r.sourcePath.endsWith("huge-paragraph.md"));
    assert.match(huge?.html ?? "", /^<p>Premier paragraphe, <em>normal<\/em>\.<\/p>\n<p>\*a _b \[c `d /);
    assert.ok((huge?.html.length ?? 0) > 1024 * 1024);
  });

  it("runs an outlet's catastrophic pattern in linear time and refuses one it cannot run, with its line", () => {
    const record = archives[1]?.records.find((r) => r.sourcePath.endsWith("redos-url.md"));
    assert.equal(record?.outlet?.id, "redos");
    const diagnostics = archives[1]?.diagnostics ?? [];
    const lookahead = diagnostics.find((d) => d.file.endsWith("outlets/lookahead.yml"));
    assert.equal(lookahead?.rule, "kb-aggregator-path");
    assert.equal(lookahead?.line, 5);
    assert.match(lookahead?.message ?? "", /look-ahead/);
    assert.ok(lookahead?.fix);
    assert.ok(!diagnostics.some((d) => d.file.endsWith("outlets/redos.yml")), "a pattern that backtracks in JavaScript is fine in RE2");
    assert.ok(archives[1]?.kb.outlets.has("lookahead"), "the outlet loads without its aggregator");
  });

  it("reports a knowledge-base file over the limits and a rule RE2 cannot run, each with its line, and loads the rest", () => {
    const diagnostics = archives[1]?.diagnostics ?? [];
    const deep = diagnostics.find((d) => d.file.endsWith("actors/people/deep.yml"));
    assert.equal(deep?.rule, "yaml-limit");
    assert.equal(deep?.severity, "error");
    assert.equal(deep?.line, 2);
    assert.ok(archives[1]?.kb.people.has("ordinary") && !archives[1]?.kb.people.has("deep"));
    const rule = diagnostics.find((d) => d.file.endsWith("rules/boilerplate.yml") && d.rule === "rules-pattern");
    assert.ok(rule, "the back-reference is refused");
    const lines = readFileSync(join(content, "rules/boilerplate.yml"), "utf8").split("\n");
    assert.equal(lines[(rule.line ?? 0) - 1], '  - "(\\\\w+) \\\\1"');
  });

  it("runs the rules' patterns in linear time when the knowledge base comes back from the cache", { timeout: 2 * HANG_GUARD_MS }, async () => {
    const again = limitsContent();
    const cacheDir = join(again, "..", ".cache");
    const first = await buildArchive({ contentDir: again, cwd: again, cacheDir, workers: 1 });
    assert.ok(first.report.published.some((path) => path.endsWith("backtracking-line.txt")));
    // A new capture, extracted with the knowledge base read back from the cache folder.
    writeFileSync(join(again, "articles/limits/backtracking-again.txt"), `Une autre capture piégée : la coopération sécuritaire\n\nLe directeur général de la Sûreté nationale a reçu une délégation à Rabat, indique un communiqué publié ce jour.\n\n${"x".repeat(40)}\n\nUn paragraphe ordinaire qui suit la ligne piégée, sur la coopération.\n`);
    // A pattern that backtracks would hold the capture past the time limit: it would be rejected, not published.
    const second = await buildArchive({ contentDir: again, cwd: again, cacheDir, workers: 1 });
    assert.equal(second.extracted, 1);
    assert.ok(second.report.published.some((path) => path.endsWith("backtracking-again.txt")));
  });

  it("`npm run check` finishes on them, naming every rejected file with its line and reason", async () => {
    // runCheck kills a check that never ends: its exit code is then not 1.
    const { code, stdout } = await runCheck(content);
    assert.equal(code, 1);
    assert.match(stdout, /limits\/nested-quotes\.md:6: erreur: Markdown imbriqué sur \d+ niveaux/);
    assert.match(stdout, /limits\/deep-front-matter\.md:4: erreur: YAML imbriqué sur \d+ niveaux/);
    assert.match(stdout, /limits\/huge-value\.md:2: erreur: le YAML fait \d+ Ko/);
    assert.match(stdout, /actors\/people\/deep\.yml:2: erreur: YAML imbriqué/);
    assert.match(stdout, /outlets\/lookahead\.yml:5: erreur: le chemin d’agrégateur/);
    assert.match(stdout, /limits\/delimiter-paragraph\.md:8: avertissement: un paragraphe de \d+ Ko dépasse les limites du Markdown/);
    assert.match(stdout, /14 articles vérifiés \(6 publiés, 0 brouillon, 8 rejetés/);
  });
});

/** `npm run check -- --content DIR`, as an editor runs it (through tsx). */
function runCheck(content: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...npmScript("check"), "--content", content], { cwd: content, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.resume();
    const guard = setTimeout(() => child.kill("SIGKILL"), HANG_GUARD_MS + 5000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(guard);
      resolve({ code, stdout });
    });
  });
}
