/**
 * What a newsroom would pick instead of Revue, for the benchmark's comparison: Hugo
 * (https://gohugo.io, Debian's `hugo`) with taxonomies for the same people, institutions,
 * places, topics and outlets, then Pagefind's command-line indexer over Hugo's article pages.
 *
 * Hugo does not read articles: it is given the records Revue extracted (title, date and
 * references in front matter, the clean body), written before the clock starts. Its layouts
 * are the least a news archive needs: an article page, a paginated list per term and per
 * section, an index per taxonomy, a home page and feeds, the same page types Revue writes.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { ArticleRecord } from "../../src/model/article.ts";

/** Hugo's taxonomies: singular → plural, as its configuration names them. */
const TAXONOMIES = { personne: "personnes", institution: "institutions", lieu: "lieux", sujet: "sujets", media: "medias" } as const;

const CONFIG = `baseURL = "http://localhost/"
languageCode = "fr"
defaultContentLanguage = "fr"
title = "Archive"
paginate = 30
disableHugoGeneratorInject = true
[taxonomies]
${Object.entries(TAXONOMIES).map(([one, many]) => `  ${one} = "${many}"`).join("\n")}
`;

/** Only the article pages' main element is indexed, with filters by taxonomy, as Revue's index. */
const LAYOUTS: Record<string, string> = {
  "_default/baseof.html": `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head><body>
<header><a href="/">{{ .Site.Title }}</a><nav>{{ range $plural, $_ := .Site.Taxonomies }}<a href="/{{ $plural }}/">{{ $plural }}</a> {{ end }}</nav></header>
{{ block "main" . }}{{ end }}
</body></html>
`,
  "_default/single.html": `{{ define "main" }}<main data-pagefind-body>
<h1>{{ .Title }}</h1>
{{ with .Date }}<p><time datetime="{{ .Format "2006-01-02" }}" data-pagefind-sort="date[datetime]" data-pagefind-meta="date:{{ .Format "2006-01-02" }}">{{ .Format "2 January 2006" }}</time></p>{{ end }}
{{ .Content }}
{{ range $plural, $_ := .Site.Taxonomies }}{{ with $.GetTerms $plural }}<p>{{ range . }}<a href="{{ .RelPermalink }}" data-pagefind-filter="{{ $plural }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}{{ end }}
</main>{{ end }}
`,
  "_default/list.html": `{{ define "main" }}<main><h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}</main>{{ end }}
`,
  "_default/terms.html": `{{ define "main" }}<main><h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul></main>{{ end }}
`,
  "index.html": `{{ define "main" }}<main><h1>{{ .Site.Title }}</h1>
<ul>{{ range first 20 .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main>{{ end }}
`,
};

/** Writes a Hugo site of these records into `dir` (which must be empty or absent). */
export function writeHugoSite(dir: string, records: readonly ArticleRecord[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "hugo.toml"), CONFIG);
  for (const [path, layout] of Object.entries(LAYOUTS)) {
    mkdirSync(join(dir, "layouts", path, ".."), { recursive: true });
    writeFileSync(join(dir, "layouts", path), layout);
  }
  const articles = join(dir, "content", "articles");
  mkdirSync(articles, { recursive: true });
  records.forEach((record, index) => {
    const names = (list: readonly { name: string }[]) => list.map((ref) => ref.name);
    const frontMatter = {
      title: record.title ?? "Sans titre",
      ...(record.date ? { date: record.date.value.length === 4 ? `${record.date.value}-01-01` : record.date.value.length === 7 ? `${record.date.value}-01` : record.date.value } : {}),
      personnes: names(record.people),
      institutions: names(record.agencies),
      lieux: names(record.places),
      sujets: names(record.topics),
      medias: record.outlet ? [record.outlet.name] : [],
    };
    writeFileSync(join(articles, `${index}.md`), `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${record.body}\n`);
  });
}

export interface HugoTimings {
  hugo: number;
  pagefind: number;
  pages: number;
}

/**
 * Builds the Hugo site in `dir` from cold (no `public/`, no `resources/`), then indexes its
 * article pages with Pagefind's command line (the `pagefind` package's binary): wall times in ms.
 */
export function buildWithHugo(dir: string, pagefindBinary: string): HugoTimings {
  const hugoStarted = performance.now();
  const hugo = spawnSync("hugo", ["--quiet", "--source", dir, "--destination", join(dir, "public")], { encoding: "utf8" });
  const hugoTime = performance.now() - hugoStarted;
  if (hugo.error) throw new Error(`hugo could not run (${hugo.error.message}): install it with apt-get install hugo`);
  if (hugo.status !== 0) throw new Error(`hugo failed: ${hugo.stderr.trim().split("\n").slice(0, 5).join("\n")}`);
  const pagefindStarted = performance.now();
  const pagefind = spawnSync(pagefindBinary, ["--site", join(dir, "public"), "--force-language", "fr"], { encoding: "utf8" });
  const pagefindTime = performance.now() - pagefindStarted;
  if (pagefind.status !== 0) throw new Error(`pagefind failed: ${(pagefind.stderr || pagefind.stdout).trim().split("\n").slice(-5).join("\n")}`);
  const pages = Number(/Indexed (\d+) pages?/.exec(pagefind.stdout)?.[1] ?? Number.NaN);
  return { hugo: hugoTime, pagefind: pagefindTime, pages };
}
