import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive, type Archive } from "../../../src/pipeline/build-archive.ts";
import { extractSource } from "../../../src/pipeline/extract-source.ts";
import { applyArchiveMemory } from "../../../src/extract/archive-memory.ts";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import type { ArticleRecord } from "../../../src/model/article.ts";
import { fixtureContent } from "../../helpers/content.ts";

/** A scratch content folder (the fixture knowledge base) with these articles, by file name → body, and front matter lines. */
function contentWith(articles: Record<string, string | { body: string; frontMatter: string }>): string {
  const content = fixtureContent();
  mkdirSync(join(content, "articles/2021"), { recursive: true });
  for (const [name, article] of Object.entries(articles)) {
    const { body, frontMatter } = typeof article === "string" ? { body: article, frontMatter: "" } : article;
    writeFileSync(join(content, "articles/2021", `${name}.md`), `---\ntitle: Article ${name}\ndate: 2021-01-01\n${frontMatter}---\n\n${body}\n`);
  }
  return content;
}

const today = new Date("2026-01-01T00:00:00Z");
const build = (content: string) => buildArchive({ contentDir: content, workers: 1, today });

/** The records as per-source extraction makes them (and the record cache keeps them), before the archive-level pass. */
function extractedRecords(content: string): ArticleRecord[] {
  const compiled = compileKnowledge(loadKnowledgeBase(content).kb);
  const dir = join(content, "articles/2021");
  return readdirSync(dir)
    .sort()
    .map((name) => extractSource(join(dir, name), `articles/2021/${name}`, compiled, { homeCountry: "MA", today }).result.record as ArticleRecord);
}

function recordOf(archive: Archive, name: string): ArticleRecord {
  const record = [...archive.records, ...archive.drafts].find((r) => r.sourcePath.endsWith(`/${name}.md`));
  assert.ok(record, `no record for ${name}`);
  return record;
}

const people = (record: ArticleRecord) => record.people.map((p) => [p.name, p.via]);

describe("archive memory", () => {
  it("tags an article naming a person without a cue when another article announced them", async () => {
    const archive = await build(
      contentWith({
        annonce: "Le directeur général de l'Office, Zorglub Ouhbi, a présenté le plan à Rabat.",
        nom: "Zorglub Ouhbi a présenté hier le plan de la réforme.",
        civilite: "La réforme a été défendue par M. Ouhbi devant les élus.",
        seul: "Ouhbi a présenté hier le plan de la réforme.",
        autre: "Le plan de la réforme a été présenté hier.",
      }),
    );
    assert.deepEqual(people(recordOf(archive, "annonce")), [["Zorglub Ouhbi", "heuristic"]]);
    const named = recordOf(archive, "nom");
    assert.deepEqual(people(named), [["Zorglub Ouhbi", "inferred"]]);
    // The same actor as in the article that announced them: one page.
    assert.equal(named.people[0]?.id, recordOf(archive, "annonce").people[0]?.id);
    // "M. Ouhbi": a surname with its own cue, and no other established name has it.
    assert.deepEqual(people(recordOf(archive, "civilite")), [["Zorglub Ouhbi", "inferred"]]);
    assert.deepEqual(recordOf(archive, "civilite").people[0]?.mentions, ["Ouhbi"]);
    // A bare surname is no evidence: it could be a word, a place or someone else.
    assert.deepEqual(people(recordOf(archive, "seul")), []);
    assert.deepEqual(people(recordOf(archive, "autre")), []);
  });

  it("keeps a cached record's text unread and the record itself unchanged", async () => {
    const content = contentWith({
      annonce: "Selon le ministre de l'Industrie Yacoubi Tazmarti, l'usine ouvrira.",
      nom: "Yacoubi Tazmarti a visité l'usine.",
    });
    const original = extractedRecords(content);
    let bodyRead = false;
    const lazy = original.map((record) => {
      const copy = { ...record };
      Object.defineProperty(copy, "body", { get: () => ((bodyRead = true), record.body), enumerable: true, configurable: true });
      return copy as ArticleRecord;
    });
    const memory = applyArchiveMemory(lazy, loadKnowledgeBase(content).kb);
    assert.equal(memory.changed.size, 1);
    const [[before, after]] = [...memory.changed] as [[ArticleRecord, ArticleRecord]];
    assert.equal(bodyRead, false, "memory must not read the articles' text");
    assert.deepEqual(people(before), []);
    assert.deepEqual(people(after), [["Yacoubi Tazmarti", "inferred"]]);
    assert.equal(after.body, before.body);
    assert.equal(bodyRead, true);
  });

  it("never spreads a name given as initials, whatever cue announced it", async () => {
    const archive = await build(
      contentWith({
        annonce: "Selon Zorglub K., la réunion a eu lieu. Le directeur Y.M a confirmé la date.",
        nom: "Zorglub K. est arrivé en retard. Y.M est reparti.",
      }),
    );
    // Not even the article whose cue announces them publishes them (src/archive/anonymised-people.ts): the editor sees them among the suggestions.
    assert.deepEqual(people(recordOf(archive, "annonce")), []);
    assert.ok(recordOf(archive, "annonce").suggestions.some((suggestion) => suggestion.name === "Zorglub K."));
    assert.deepEqual(people(recordOf(archive, "nom")), []);
  });

  it("does not spread a name only a given name supported, nor a lone surname", async () => {
    const archive = await build(
      contentWith({
        // "Karim" is a known given name: enough for this article, not for the archive.
        prenom: "Karim Tazmouti a inauguré le port.",
        civilite: "M. Tazmouti a inauguré le port.",
        seul: "Selon Bouzidane, le port ouvrira.",
        autre: "M. Bouzidane a inauguré le port.",
      }),
    );
    assert.deepEqual(people(recordOf(archive, "prenom")), [["Karim Tazmouti", "heuristic"]]);
    assert.deepEqual(people(recordOf(archive, "civilite")), []);
    assert.deepEqual(people(recordOf(archive, "autre")), []);
  });

  it("leaves a surname two announced people share unattributed", async () => {
    const archive = await build(
      contentWith({
        un: "Le ministre de l'Industrie Yacoubi Tazmarti a parlé.",
        deux: "Le directeur général de l'Office, Zorglub Tazmarti, a parlé.",
        civilite: "M. Tazmarti a parlé aux élus.",
      }),
    );
    assert.deepEqual(people(recordOf(archive, "civilite")), []);
  });

  it("lets the front matter win: a `people:` list is kept as it is, a name it removes is not added back", async () => {
    const archive = await build(
      contentWith({
        annonce: "Le directeur général de l'Office, Zorglub Ouhbi, a présenté le plan.",
        liste: { body: "Zorglub Ouhbi a reçu Abdellatif Hammouchi.", frontMatter: "people: [Abdellatif Hammouchi]\n" },
        retire: { body: "Zorglub Ouhbi a présenté le plan.", frontMatter: "remove: [Zorglub Ouhbi]\n" },
      }),
    );
    assert.deepEqual(people(recordOf(archive, "liste")), [["Abdellatif Hammouchi", "front-matter"]]);
    assert.deepEqual(people(recordOf(archive, "retire")), []);
  });

  it("does not spread a name the knowledge base knows as something else", async () => {
    const content = contentWith({
      annonce: "Le directeur général de l'Office, Zorglub Ouhbi, a présenté le plan.",
      nom: "Zorglub Ouhbi a présenté le plan.",
    });
    const records = extractedRecords(content);
    assert.equal(applyArchiveMemory(records, loadKnowledgeBase(content).kb).changed.size, 1);
    // The same articles, once the base has a place of that name.
    writeFileSync(join(content, "places/maroc.yml"), "- name: Maroc\n  category: pays\n  country: MA\n- name: Zorglub Ouhbi\n  category: ville\n  country: MA\n");
    assert.equal(applyArchiveMemory(records, loadKnowledgeBase(content).kb).changed.size, 0);
  });

  it("skips names editors dismissed (content/rules/ignored-names.yml)", async () => {
    const content = contentWith({
      annonce: "Le directeur général de l'Office, Zorglub Ouhbi, a présenté le plan.",
      nom: "Zorglub Ouhbi a présenté le plan.",
    });
    writeFileSync(join(content, "rules/ignored-names.yml"), "names:\n  - zorglub OUHBI\n");
    const archive = await build(content);
    assert.deepEqual(people(recordOf(archive, "annonce")), []);
    assert.deepEqual(people(recordOf(archive, "nom")), []);
    assert.deepEqual(recordOf(archive, "annonce").suggestions, []);
  });

  it("changes the digest of a page when what memory adds to it changes, its source unchanged", async () => {
    const content = contentWith({
      annonce: "Le directeur général de l'Office, Zorglub Ouhbi, a présenté le plan.",
      nom: "Zorglub Ouhbi et Yacoubi Tazmarti ont présenté le plan.",
    });
    const cacheDir = join(content, "..", ".cache");
    const options = { contentDir: content, workers: 1, today, cacheDir };
    const first = await buildArchive(options);
    const id = recordOf(first, "nom").id;
    assert.deepEqual(people(recordOf(first, "nom")), [["Zorglub Ouhbi", "inferred"]]);
    // Another article now announces the second name too: the first's source is unchanged, its page is not.
    writeFileSync(join(content, "articles/2021/annonce.md"), "---\ntitle: Article annonce\ndate: 2021-01-01\n---\n\nLe directeur général de l'Office, Zorglub Ouhbi, a reçu le ministre de l'Industrie Yacoubi Tazmarti.\n");
    const second = await buildArchive(options);
    assert.deepEqual(people(recordOf(second, "nom")), [["Zorglub Ouhbi", "inferred"], ["Yacoubi Tazmarti", "inferred"]]);
    assert.notEqual(second.digests.get(id), first.digests.get(id));
  });
});
