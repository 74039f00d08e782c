import assert from "node:assert/strict";
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildArchive, type Archive } from "../../../src/pipeline/build-archive.ts";
import { buildArticle } from "../../../src/archive/build-article.ts";
import { compileKnowledge, type CompiledKnowledge } from "../../../src/extract/compile.ts";
import { loadReaders, readSource, readSourceFile } from "../../../src/ingest/read-source.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import type { ArticleRecord } from "../../../src/model/article.ts";
import type { Diagnostic } from "../../../src/model/diagnostic.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const ROOT = join(import.meta.dirname, "../../..");
const ENCODING = join(ROOT, "tests/fixtures/hostile/articles/encoding");
const today = new Date("2026-11-23T00:00:00Z");
/** What must never reach a reader: C0 but tab and line feed, DEL, C1, U+FFFE/U+FFFF. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

let compiled: CompiledKnowledge;

function recordOf(file: string): { record: ArticleRecord; diagnostics: Diagnostic[] } {
  const read = readSourceFile(join(ENCODING, file), file, { pageFurniture: compiled.kb.rules.pageFurniture });
  assert.ok(read.doc, `${file} is read`);
  return { record: buildArticle(read.doc, compiled, { today }), diagnostics: read.diagnostics };
}

describe("text kept as written", () => {
  before(async () => {
    await loadReaders();
    compiled = compileKnowledge(loadKnowledgeBase(join(ROOT, "content")).kb);
  });

  it("renders a raw capture's text literally: no link, no emphasis, no second heading, no markup", () => {
    const { record } = recordOf("capture-as-written.txt");
    assert.equal(record.title, "Un lecteur commente la vidéo de la conférence de presse");
    const html = record.html;
    assert.doesNotMatch(html, /<a\b/, "no link, not even the plain address");
    assert.doesNotMatch(html, /<(strong|em|b|h\d|ol|ul|blockquote|script|code)\b/);
    assert.ok(html.includes("[voir la vidéo](https://phishing.example/login)"));
    assert.ok(html.includes("la fonction __init__ puis la fonction *main* au démarrage"));
    assert.ok(html.includes("<p># titre que le lecteur a tapé</p>"));
    assert.ok(html.includes("Il a ajouté &#x3C;b>x&#x3C;/b> et &#x26;amp; dans sa réponse, ainsi que &#x3C;script>alert(1)&#x3C;/script> pour voir."));
    assert.ok(html.includes("<p>1. Ce n'est pas une liste"));
    assert.ok(html.includes("l'adresse https://www.example.org/docs/securite_informatique.html pour"));
    // One paragraph per line of the capture after its headline.
    assert.equal(html.split("<p>").length - 1, 7);
  });

  it("keeps a raw capture's words as written in its summary", () => {
    const read = readSource("Un titre de capture assez long pour en être un\n\nLe paragraphe cite la fonction __init__ et le motif *main* de la documentation publiée.\n", "c.txt", "text");
    assert.match(buildArticle(read.doc, compiled, { today, render: false }).summary, /la fonction __init__ et le motif \*main\*/);
  });

  it("keeps a saved page's links to web pages and drops the others to their text", () => {
    const { record } = recordOf("saved-links.html");
    const html = record.html;
    assert.ok(html.includes('<a href="https://www.courdescomptes.ma/rapport-2021.pdf">rapport annuel</a>'));
    assert.ok(html.includes('<a href="https://www.example.ma/politique/rapport-integral.html">dans son intégralité</a>'), "a relative link resolved against the page's address");
    assert.equal(html.match(/<a\b/g)?.length, 2);
    assert.doesNotMatch(html, /javascript:|data:|mailto:|href="#/);
    for (const words of ["et les sauvegardes des ministères", "sur la formation des agents", "la note de bas de page", "le service de presse"]) assert.ok(html.includes(words), words);
    // Extraction reads the link's words, not its markup.
    assert.ok(!record.summary.includes("]("));
  });

  it("drops a saved page's relative links when the page's address is unknown", () => {
    const read = readSource('<html><body><article><h1>Un titre de page sans adresse connue</h1><p>Un paragraphe assez long avec <a href="/ailleurs.html">un lien relatif</a> et <a href="https://example.org/">un lien absolu</a> vers une autre page.</p></article></body></html>', "p.html", "html", { pageFurniture: compiled.kb.rules.pageFurniture });
    const html = buildArticle(read.doc, compiled, { today }).html;
    assert.ok(html.includes("avec un lien relatif et"));
    assert.ok(html.includes('<a href="https://example.org/">un lien absolu</a>'));
  });

  it("renders a saved page's text that looks like Markdown as written", () => {
    const read = readSource("<html><body><article><h1>Une page qui cite du Markdown tapé</h1><p>Le commentaire disait [voir la vidéo](https://phishing.example/login) et __init__ en toutes lettres.</p><p># pas un titre</p></article></body></html>", "m.html", "html", { pageFurniture: compiled.kb.rules.pageFurniture });
    const html = buildArticle(read.doc, compiled, { today }).html;
    assert.doesNotMatch(html, /<(a|strong|h\d)\b/);
    assert.ok(html.includes("[voir la vidéo](https://phishing.example/login) et __init__ en toutes lettres."));
  });

  it("removes control characters and noncharacters from a capture's title and body, with a warning naming the line", () => {
    const { record, diagnostics } = recordOf("control-characters.txt");
    assert.equal(record.title, "Un titre avec[31m des caractères de contrôle");
    assert.doesNotMatch(record.body, CONTROL);
    assert.doesNotMatch(record.html, CONTROL);
    assert.doesNotMatch(record.summary, CONTROL);
    assert.match(record.body, /Un paragraphe qui contient\\\[0m une tabulation verticale, un échappement et une cloche, ainsi qu'un non-caractère au milieu/);
    const warning = diagnostics.find((d) => d.rule === "source-control-characters");
    assert.equal(warning?.severity, "warning");
    assert.equal(warning?.line, 1);
    assert.match(warning?.message ?? "", /8 control characters or noncharacters \(first U\+000B\)/);
    assert.ok(warning?.fix);
  });

  it("removes those a page's character references or a front matter's escapes give, with a warning", () => {
    const { record, diagnostics } = recordOf("control-references.html");
    assert.doesNotMatch(`${record.title}\n${record.body}\n${record.summary}`, CONTROL);
    const warning = diagnostics.find((d) => d.rule === "source-control-characters");
    assert.equal(warning?.severity, "warning");
    assert.equal(warning?.line, 5);
    assert.match(warning?.message ?? "", /9 control characters or noncharacters \(first U\+0007\)/);
    // One in the body alone is reported too; `&#150;` is the HTML parser's en dash, not a control character.
    const body = readSource("<html><body><article><h1>Un titre de page ordinaire</h1>\n<p>Un paragraphe ordinaire &#150; puis une cloche&#7; au milieu du texte de la page.</p></article></body></html>", "b.html", "html", { pageFurniture: compiled.kb.rules.pageFurniture });
    assert.doesNotMatch(body.doc.text, CONTROL);
    assert.match(body.doc.text, /ordinaire – puis une cloche au milieu/);
    assert.deepEqual(body.diagnostics.map((d) => [d.rule, d.line, d.message.includes("a control character or noncharacter (first U+0007)")]), [["source-control-characters", 2, true]]);
    const markdown = readSource('---\ntitle: "Un titre\\a avec\\e des\\x0B échappements\\uFFFE"\ndate: 2021-03-03\npeople: ["Abdellatif\\u0007 Hammouchi"]\n---\n\nUn paragraphe.\n', "e.md", "markdown");
    assert.equal(markdown.doc.frontMatter["title"], "Un titre avec des  échappements");
    assert.deepEqual(markdown.doc.frontMatter["people"], ["Abdellatif Hammouchi"]);
    assert.deepEqual(markdown.diagnostics.map((d) => [d.rule, d.line]), [["source-control-characters", 2]]);
  });

  it("publishes or rejects every encoding fixture, each rejection with its reason", async () => {
    const content = join(scratchDir("encoding"), "content");
    mkdirSync(content);
    cpSync(ENCODING, join(content, "articles"), { recursive: true });
    cpSync(join(ROOT, "content/rules"), join(content, "rules"), { recursive: true });
    const archive: Archive = await buildArchive({ contentDir: content, cwd: content, today, workers: 1 });
    const rejected = Object.fromEntries(archive.report.rejected.map((r) => [r.path.split("/").pop(), r.reasons.join("; ")]));
    assert.deepEqual(Object.keys(rejected), ["nul-after-8k.txt"]);
    assert.match(rejected["nul-after-8k.txt"] ?? "", /binary.*NUL character \(line 4\)/);
    assert.equal(archive.report.published.length + archive.report.drafts.length, archive.report.read - 1);
    for (const record of archive.records) {
      assert.doesNotMatch(`${record.title}\n${record.body}\n${record.html}\n${record.summary}`, CONTROL, record.sourcePath);
      assert.doesNotMatch(record.html, /\uFFFD/, `${record.sourcePath}: nothing lost in decoding`);
    }
  });
});
