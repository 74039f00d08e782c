import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Element, Nodes, Root } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { buildArchive, type Archive } from "../../src/pipeline/build-archive.ts";
import { buildArticle } from "../../src/archive/build-article.ts";
import { compileKnowledge } from "../../src/extract/compile.ts";
import { readSource } from "../../src/ingest/read-source.ts";
import type { ArticleRecord } from "../../src/model/article.ts";
import { searchRecords } from "../../src/search/records.ts";
import { planSite, type PageView } from "../../src/site/site-data.ts";
import { urls } from "../../src/model/urls.ts";
import { atomFeed } from "../../templates/feed.ts";
import { htmlPage } from "../../templates/page.ts";
import { fixtureContent } from "../helpers/content.ts";

const today = new Date("2026-11-23T00:00:00Z");
const base = await buildArchive({ contentDir: fixtureContent(), today, workers: 1 });
const compiled = compileKnowledge(base.kb);

/**
 * Arbitrary text: any UTF-16 (lone surrogates included) mixed with what HTML, XML, JSON in a
 * <script> and spreadsheets treat specially. Between two letters, so that a value is never
 * blank (a blank field is an unset one) and never a knowledge-base name (which it would become).
 */
const anyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.constantFrom(
        "<", ">", "&", '"', "'", "\\", "`", "&amp;", "&lt;", "&#0;", "<!--", "-->", "]]>", "<![CDATA[x]]>", "</title>", "</textarea>", "</script>", "</SCRIPT ",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", `"><x-evil data-evil=1>`, `' data-evil='1`, "<a href='https://evil.example/'>lien</a>",
        `<meta http-equiv="refresh" content="0;url=https://evil.example/">`, "<b>", "=1+1", "@SUM(1)", "\u0000", "\u0007", "\u000B", "\u000C", "\u001B", "\u007F", "\u0085", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "\r", "\u2028", "\uFEFF",
      ),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => `a${parts.join("")}z`);

/** YAML that reads back as `text`: a double-quoted string with every character YAML cannot hold raw escaped. */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The text a reader sees, for comparing: no whitespace, controls, noncharacters, U+FFFD or
 * lone surrogates (readers and writers remove or replace those; markup is none of them).
 */
function seen(text: string): string {
  return text.replace(/[\s\p{Cc}\p{Noncharacter_Code_Point}\p{Cs}\uFFFD]/gu, "");
}

const html = unified().use(rehypeParse);
const fragment = unified().use(rehypeParse, { fragment: true });

function textOf(node: Nodes): string {
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map(textOf).join("") : "";
}

function elements(node: Nodes, out: Element[] = []): Element[] {
  if (node.type === "element") out.push(node);
  if ("children" in node) for (const child of node.children) elements(child, out);
  if (node.type === "element" && node.content) elements(node.content, out);
  return out;
}

const ADDRESS_ATTRIBUTES = new Set(["href", "src", "srcSet", "action", "formAction", "data", "poster"]);

/** Elements or attributes that only a source's text could have put in a page. */
function planted(root: Root): string[] {
  return elements(root).flatMap((element) => {
    const found: string[] = [];
    if (/evil|^(img|iframe|b|textarea)$/.test(element.tagName)) found.push(`<${element.tagName}>`);
    if (element.tagName === "script" && !element.properties["src"] && element.properties["type"] !== "application/ld+json") found.push("<script>");
    if (element.tagName === "meta" && element.properties["httpEquiv"] !== undefined && String(element.properties["httpEquiv"]).toLowerCase() !== "content-security-policy") found.push("<meta http-equiv>");
    for (const [name, value] of Object.entries(element.properties)) {
      // A name from the text, or an address from it (the text itself may be any attribute's value).
      if (/^on|evil/i.test(name) || (ADDRESS_ATTRIBUTES.has(name) && /evil\.example/.test(String(value)))) found.push(`${element.tagName}[${name}]`);
    }
    return found;
  });
}

interface Fields {
  title: string;
  summary: string;
  outlet: string;
  person: string;
  agency: string;
  topic: string;
  place: string;
}

function recordOf(fields: Fields): ArticleRecord {
  const text = [
    "---",
    `title: ${yamlString(fields.title)}`,
    "date: 2021-04-04",
    `summary: ${yamlString(fields.summary)}`,
    `outlet: ${yamlString(fields.outlet)}`,
    `people: [${yamlString(fields.person)}]`,
    `agencies: [${yamlString(fields.agency)}]`,
    `topics: [${yamlString(fields.topic)}]`,
    `places: [${yamlString(fields.place)}]`,
    "---",
    "",
    "Un paragraphe ordinaire de l'article, qui parle de coopération et de sécurité.",
    "",
  ].join("\n");
  return buildArticle(readSource(text, "articles/2021/arbitraire.md", "markdown").doc, compiled, { today });
}

describe("properties: a source's text in every output", () => {
  it("any front-matter text reaches the pages, the feeds, JSON-LD, open data and the search filters as text, never as markup", () => {
    fc.assert(
      fc.property(fc.record({ title: anyText, summary: anyText, outlet: anyText, person: anyText, agency: anyText, topic: anyText, place: anyText }), (fields) => {
        const record = recordOf(fields);
        assert.equal(seen(record.title ?? ""), seen(fields.title), "the title as written");
        const names = { person: record.people[0]?.name, agency: record.agencies[0]?.name, topic: record.topics[0]?.name, place: record.places[0]?.name, outlet: record.outlet?.name };
        for (const [field, name] of Object.entries(names)) assert.equal(seen(name ?? ""), seen(fields[field as keyof Fields]), field);

        const archive: Archive = { ...base, records: [record, ...base.records], digests: new Map() };
        const plan = planSite(archive);
        const articleUrl = urls.article(record);
        const termPages = new Map<string, keyof Fields>([
          [urls.term("person", record.people[0]?.id ?? ""), "person"],
          [urls.term("agency", record.agencies[0]?.id ?? ""), "agency"],
          [urls.term("topic", record.topics[0]?.id ?? ""), "topic"],
          [urls.term("place", record.places[0]?.id ?? ""), "place"],
          [urls.term("outlet", record.outlet?.id ?? ""), "outlet"],
        ]);

        // HTML pages: no element or attribute from the text, and the text where it is shown.
        let shownOn = 0;
        for (const planned of plan.pages) {
          const view: PageView = planned.make();
          const root = html.parse(htmlPage(plan, view));
          assert.deepEqual(planted(root), [], view.url);
          const all = elements(root);
          const h1 = all.find((element) => element.tagName === "h1");
          if (view.url === articleUrl) {
            shownOn++;
            assert.equal(seen(textOf(h1 as Element)), seen(fields.title), "h1");
            assert.ok(seen(textOf(all.find((element) => element.tagName === "title") as Element)).startsWith(seen(fields.title)), "<title>");
            const description = all.find((element) => element.tagName === "meta" && element.properties["name"] === "description");
            assert.equal(seen(String(description?.properties["content"])), seen(fields.summary), "description");
            const links = all.filter((element) => element.tagName === "a").map((element) => seen(textOf(element)));
            for (const field of ["outlet", "person", "agency", "topic", "place"] as const) assert.ok(links.includes(seen(fields[field])), `${field} link`);
            const script = all.find((element) => element.tagName === "script" && element.properties["type"] === "application/ld+json") as Element;
            const json = textOf(script);
            assert.doesNotMatch(json, /[<>]/);
            const data = JSON.parse(json);
            assert.equal(data.headline, record.title);
            assert.equal(data.description, record.summary);
            assert.equal(data.publisher.name, record.outlet?.name);
            assert.deepEqual(data.mentions.map((thing: { name: string }) => thing.name), [names.person, names.agency, names.place]);
          } else if (termPages.has(view.url)) {
            shownOn++;
            assert.equal(seen(textOf(h1 as Element)), seen(fields[termPages.get(view.url) as keyof Fields]), `${view.url} h1`);
          }
        }

        assert.ok(shownOn >= 2, `the article and its terms' pages: ${shownOn}`);

        // Feeds: well-formed XML whose entry gives the text back.
        const absoluteUrl = `${plan.config.baseUrl}${articleUrl}`;
        const parser = new XMLParser({ htmlEntities: true, parseTagValue: false, trimValues: false, isArray: (name) => name === "entry" });
        let entries = 0;
        for (const planned of plan.feeds) {
          const xml = atomFeed(plan, planned.make());
          assert.equal(XMLValidator.validate(xml), true, planned.url);
          for (const entry of parser.parse(xml).feed.entry ?? []) {
            if (entry.id !== absoluteUrl) continue;
            entries++;
            assert.equal(typeof entry.title, "string");
            assert.equal(seen(entry.title), seen(fields.title));
            assert.equal(seen(entry.summary), seen(fields.summary));
            assert.equal(seen(entry.source.title), seen(fields.outlet));
          }
        }
        assert.ok(entries >= 2, `${entries} feed entries`);

        // Open data: JSON and CSV give the record's text back as it is.
        const files = new Map(plan.files.map((planned) => [planned.url, planned.make().content]));
        const rows = JSON.parse(files.get(`${urls.data()}articles.json`) ?? "") as { id: string; title: string; summary: string; outlet: { name: string }; people: { name: string }[] }[];
        const row = rows.find((r) => r.id === record.id);
        assert.deepEqual([row?.title, row?.summary, row?.outlet.name, row?.people[0]?.name], [record.title, record.summary, record.outlet?.name, names.person]);
        const table = parseCsv(files.get(`${urls.data()}articles.csv`) ?? "") as string[][];
        const header = table[0] as string[];
        const line = table.find((cells) => cells[0] === record.id) as string[];
        assert.equal(line[header.indexOf("title")], record.title);
        assert.equal(line[header.indexOf("outlet")], record.outlet?.name);

        // Search filters, which Pagefind's interface prints as HTML: text once parsed.
        const [search] = searchRecords(archive, [record]);
        for (const values of Object.values(search?.filters ?? {})) {
          for (const value of values) {
            const parsed = fragment.parse(value);
            assert.deepEqual(elements(parsed).map((element) => element.tagName), [], value);
          }
        }
        const shown = Object.values(search?.filters ?? {}).flat().map((value) => seen(textOf(fragment.parse(value))));
        for (const field of ["outlet", "person", "agency", "topic"] as const) assert.ok(shown.includes(seen(fields[field])), `${field} filter`);
      }),
      { numRuns: 40, includeErrorInReport: true },
    );
  });
});
