import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { importSources, type ImportOutcome } from "../../../src/editor/import.ts";
import { countOutcomes, importSummary } from "../../../src/editor/import-summary.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures");
const WORDPRESS = join(FIXTURES, "import/wordpress.xml");
const today = new Date("2026-11-23T12:00:00Z");

// The site's language comes from content/site.yml here, not from the environment of whoever runs the tests.
delete process.env["REVUE_LANG"];

/** The fixture content with `lang:` set in its site.yml. */
function contentIn(lang: "fr" | "en"): string {
  const content = fixtureContent();
  const site = join(content, "site.yml");
  writeFileSync(site, readFileSync(site, "utf8").replace(/^lang: .*$/m, `lang: ${lang}`));
  return content;
}

function outcomeOf(outcomes: readonly ImportOutcome[], source: string): ImportOutcome {
  const outcome = outcomes.find((o) => o.source.endsWith(source));
  assert.ok(outcome, `no outcome for ${source}: ${outcomes.map((o) => o.source).join(", ")}`);
  return outcome;
}

function imported(outcomes: readonly ImportOutcome[], source: string) {
  const outcome = outcomeOf(outcomes, source);
  assert.ok(outcome.status === "imported", `${source}: ${JSON.stringify(outcome)}`);
  return outcome;
}

/** The comment lines of the front matter the import wrote for an article. */
function comments(content: string, file: string): string[] {
  const head = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(content, file), "utf8"))?.[1] ?? "";
  return head.split("\n").filter((line) => line.startsWith("#"));
}

describe("the import writes its notes and reasons in the site's language", () => {
  it("a WordPress export under `lang: en`: draft reasons, skipped entries and the closing counts in English, machine keys unchanged", async () => {
    const content = contentIn("en");
    const outcomes = await importSources({ contentDir: content, sources: [WORDPRESS], cwd: content, today });

    const privatePost = imported(outcomes, "#post-150");
    assert.deepEqual(privatePost.warnings, ["private post in WordPress: remove `draft: true` to publish it"]);
    assert.deepEqual(comments(content, privatePost.file), ["# TO CHECK: private post in WordPress: remove `draft: true` to publish it"]);
    assert.deepEqual(imported(outcomes, "#post-130").warnings, ["draft in WordPress: remove `draft: true` to publish it"]);
    assert.deepEqual(imported(outcomes, "#post-140").warnings, ["scheduled post in WordPress: remove `draft: true` to publish it"]);

    assert.deepEqual(outcomeOf(outcomes, "#post-170"), {
      source: outcomeOf(outcomes, "#post-170").source,
      status: "skipped",
      kind: "trash",
      reason: 'post "Ancienne version : le commissariat de Fès" in the WordPress trash',
    });
    const page = outcomeOf(outcomes, "#page-2");
    assert.ok(page.status === "skipped" && page.kind === "page");
    assert.equal(page.reason, 'page "Qui sommes-nous ?": only posts are imported');
    const attachment = outcomeOf(outcomes, "#attachment-102");
    assert.ok(attachment.status === "skipped" && attachment.kind === "attachment");
    assert.equal(attachment.reason, 'attachment "fes-commissariat": only posts are imported');

    assert.equal(importSummary(countOutcomes(outcomes), false, "en"), "11 read: 6 imported (3 drafts), 0 duplicates, 5 skipped (2 pages, 1 attachment, 1 menu item, 1 in the trash)");
  });

  it("the same export under `lang: fr` keeps the French notes and reasons", async () => {
    const content = contentIn("fr");
    const outcomes = await importSources({ contentDir: content, sources: [WORDPRESS], cwd: content, today });
    const privatePost = imported(outcomes, "#post-150");
    assert.deepEqual(privatePost.warnings, ["article privé dans WordPress : retirez `draft: true` pour le publier"]);
    assert.deepEqual(comments(content, privatePost.file), ["# À VÉRIFIER : article privé dans WordPress : retirez `draft: true` pour le publier"]);
    const trashed = outcomeOf(outcomes, "#post-170");
    assert.ok(trashed.status === "skipped" && trashed.kind === "trash");
    assert.equal(trashed.reason, "article « Ancienne version : le commissariat de Fès » à la corbeille dans WordPress");
    assert.equal(importSummary(countOutcomes(outcomes), false, "fr"), "11 lus : 6 importés (dont 3 brouillons), 0 doublon, 5 ignorés (2 pages, 1 pièce jointe, 1 élément de menu, 1 à la corbeille)");
  });

  it("Hugo and Eleventy posts under `lang: en`: keys not kept, the generator's tags, a bundle's files, an unpublished post, skipped pages and a failed file", async () => {
    const content = contentIn("en");
    const hugo = await importSources({ contentDir: content, sources: [join(FIXTURES, "import/hugo-site")], cwd: content, today });
    assert.deepEqual(imported(hugo, "visite-ministre-madrid.md").warnings, [
      'front matter keys not kept: weight: 3, toc: true, params: {"featured":true}',
      "image caption kept as text, without the image: add the image if it matters",
      "site generator tags removed from the text: {{< youtube >}}, {{< notice >}}",
      "outlet not recognised: add `outlet:`",
    ]);
    const bundle = imported(hugo, "inauguration-port-tanger/index.md");
    assert.ok(bundle.warnings.includes("files of the folder inauguration-port-tanger/ not copied (tanger-med.jpg): put the images under content/ or at an https address and correct their links"), bundle.warnings.join("\n"));
    assert.equal(imported(hugo, "sommet-interpol-marrakech.md").warnings[0], "future date on the former site (`date: 2026-12-15T09:00:00+01:00`), never published: remove `draft: true` to publish it");
    const listPage = outcomeOf(hugo, "content/_index.md");
    assert.ok(listPage.status === "skipped" && listPage.kind === "list-page");
    assert.equal(listPage.reason, "Hugo list page (_index.md), not an article");
    const about = outcomeOf(hugo, "content/about.md");
    assert.ok(about.status === "skipped" && about.kind === "page");
    assert.equal(about.reason, "page outside any section (content/), not an article: import it on its own if it is one");

    const eleventy = await importSources({ contentDir: content, sources: [join(FIXTURES, "import/eleventy-site")], cwd: content, today });
    const failed = eleventy.find((o) => o.status === "failed");
    assert.ok(failed?.status === "failed");
    assert.match(failed.reasons[0] ?? "", /^line 1: JavaScript front matter/);
    const page = eleventy.find((o) => o.status === "skipped");
    assert.ok(page?.status === "skipped" && page.kind === "page");
    assert.equal(page.reason, "Eleventy page with neither a date nor `tags`, not an article: add `date:` and import it on its own if it is one");

    const relative = await importSources({ contentDir: content, sources: [join(FIXTURES, "hostile/articles/date-hier.md")], cwd: content, today });
    assert.ok(imported(relative, "date-hier.md").warnings.includes("unreadable date (`date: hier`): write `date: YYYY-MM-DD`"));
  });

  it("captures under `lang: en`: a provisional title, a missing or vague date, an unknown outlet and names the base lacks", async () => {
    const content = contentIn("en");
    const corpus = join(FIXTURES, "corpus");
    const outcomes = await importSources({ contentDir: content, sources: ["020.txt", "038.txt", "008.txt", "002.txt"].map((name) => join(corpus, name)), cwd: content, today });
    const untitled = imported(outcomes, "020.txt");
    assert.deepEqual(untitled.warnings, [
      "provisional title (the source starts inside the article): write the real title, then remove `draft: true`",
      "no date in the source: add `date: YYYY-MM-DD`",
      "outlet not recognised: add `outlet:`",
    ]);
    assert.deepEqual(comments(content, untitled.file), untitled.warnings.map((warning) => `# TO CHECK: ${warning}`));
    assert.ok(imported(outcomes, "038.txt").warnings.includes("date known to the month only (date 2021-04)"));
    assert.match(imported(outcomes, "008.txt").warnings[1] ?? "", /^no date in the source; possible dates from "dimanche 29 janvier": 2023-01-29, /);
    assert.match(imported(outcomes, "002.txt").warnings.at(-1) ?? "", /^names not in the knowledge base \(npm run actors:suggest\): .*Abdelouafi Laftit/);
  });

  it("duplicates and look-alikes under `lang: en`", async () => {
    const content = contentIn("en");
    const first = await importSources({ contentDir: content, sources: [WORDPRESS, join(FIXTURES, "corpus/043.txt")], cwd: content, today });
    const original = imported(first, "#post-101");

    // The same post at another address, under another title: imported, with its likeness to the first noted.
    const moved = join(scratchDir("import-language"), "moved.xml");
    writeFileSync(
      moved,
      readFileSync(WORDPRESS, "utf8")
        .replace("<link>https://leveilleur.example.ma/2023/05/04/dgsn-commissariat-fes/</link>", "<link>https://leveilleur.example.ma/2023/05/05/commissariat-medina/</link>")
        .replace("La DGSN inaugure un commissariat de quartier à Fès", "Un nouveau commissariat dans la médina de Fès"),
    );
    // A capture of the same text as 043.txt under another first line: the same article seen again.
    const recaptured = join(scratchDir("import-language"), "043-again.txt");
    writeFileSync(recaptured, readFileSync(join(FIXTURES, "corpus/043.txt"), "utf8").replace(/^[^\n]*/, "Portrait du patron de la DGED"));
    const second = await importSources({ contentDir: content, sources: [moved, recaptured], cwd: content, today });

    const lookAlike = imported(second, "#post-101");
    assert.match(lookAlike.warnings[0] ?? "", new RegExp(`^nearly the same text \\(\\d+%\\) as ${original.file.replace(/[.]/g, "\\.")}, at another address: delete one of the two if they are the same article$`));
    const sameUrl = outcomeOf(second, "#post-120");
    assert.ok(sameUrl.status === "duplicate");
    assert.equal(sameUrl.reason, "same URL https://leveilleur.example.ma/2023/11/27/cooperation-rabat-madrid/");
    const again = outcomeOf(second, "043-again.txt");
    assert.ok(again.status === "duplicate", JSON.stringify(again));
    assert.match(again.reason, /^nearly the same text \(\d+% alike\)$/);
  });
});
