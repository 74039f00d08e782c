import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { planSite, renderData, type ArchivePage, type FeedView, type HomePage, type PageView, type RenderData, type TermIndexPage, type TermPage } from "../../../src/site/site-data.ts";
import { atomFeed } from "../../../templates/feed.ts";
import { htmlPage } from "../../../templates/page.ts";
import { IMAGE_ARTICLE, NEWEST_DAY, pagesContent, UNDATED_ARTICLE } from "../../helpers/pages-content.ts";

const BASE = "https://revue.example.org";

describe("the pages' view models", () => {
  let site: RenderData;
  let pages: Map<string, PageView>;
  let feeds: Map<string, FeedView>;
  before(async () => {
    const content = pagesContent();
    const archive = await buildArchive({ contentDir: content, cwd: content, workers: 1, env: { REVUE_BASE_URL: BASE } });
    site = renderData(planSite(archive));
    pages = new Map(site.render.pages.map((page) => [page.url, page]));
    feeds = new Map(site.render.feeds.map((feed) => [feed.url, feed]));
  });
  const page = <T extends PageView>(url: string) => {
    const found = pages.get(url);
    assert.ok(found, url);
    return found as T;
  };

  it("lists people by surname, grouped under its initial, names shown as written", () => {
    const index = page<TermIndexPage>("/personnes/");
    assert.deepEqual(
      index.letters.map((group) => [group.letter, group.items.map((item) => item.name)]),
      [
        ["B", ["William Burns"]],
        ["E", ["Driss El Yazami"]],
        ["H", ["Avril Haines", "Abdellatif Hammouchi"]],
        ["L", ["Jean-Yves Le Drian", "Hélène Le Gal", "Ursula von der Leyen"]],
        ["M", ["Staffan de Mistura"]],
        ["W", ["Christopher Wray"]],
      ],
    );
  });

  it("gives undated feed entries no invented date: their <updated> is their feed's, the newest dated article's", () => {
    const expected = `${NEWEST_DAY}T00:00:00Z`;
    const siteFeed = feeds.get("/feed.xml") as FeedView;
    assert.equal(siteFeed.updated, expected);
    const undated = siteFeed.entries.find((entry) => entry.url === `${BASE}${UNDATED_ARTICLE}`);
    assert.ok(undated);
    assert.equal(undated.updated, expected);
    assert.equal(undated.published, undefined);
    // A feed whose only article is undated takes the archive's newest date.
    const topicFeed = feeds.get("/sujets/securite-routiere/feed.xml") as FeedView;
    assert.deepEqual([topicFeed.updated, topicFeed.entries.map((entry) => [entry.updated, entry.published])], [expected, [[expected, undefined]]]);
    // A person's feed is as new as its newest article, not the archive.
    assert.equal((feeds.get("/personnes/abdellatif-hammouchi/feed.xml") as FeedView).updated, "2022-06-16T00:00:00Z");
    for (const feed of site.render.feeds) {
      const xml = atomFeed(site, feed);
      assert.doesNotMatch(xml, /1970-01-01/, feed.url);
      assert.equal(xml.match(/<entry>/g)?.length ?? 0, xml.match(/<entry>\n<title>[^<]*<\/title>\n<id>[^<]*<\/id>\n<link [^>]*\/>\n<updated>\d{4}-\d\d-\d\dT/g)?.length ?? 0, `${feed.url}: every entry has its <updated>`);
    }
  });

  it("prints Open Graph and Twitter Card tags, with the lead image of an article that has one", () => {
    const withImage = htmlPage(site, page(IMAGE_ARTICLE));
    for (const tag of [
      `<meta property="og:type" content="article">`,
      `<meta property="og:url" content="${BASE}${IMAGE_ARTICLE}">`,
      `<meta property="og:title" content="Rencontre à Bruxelles sur la coopération">`,
      `<meta property="og:site_name" content="Revue">`,
      `<meta property="og:locale" content="fr_FR">`,
      `<meta property="og:image" content="https://images.example.org/bruxelles.jpg">`,
      `<meta property="og:image:alt" content="La salle de réunion à Bruxelles">`,
      `<meta property="article:published_time" content="${NEWEST_DAY}">`,
      `<meta name="twitter:card" content="summary_large_image">`,
    ]) assert.ok(withImage.includes(tag), tag);
    assert.match(withImage, /<meta property="og:description" content="Ursula von der Leyen a reçu/);
    const undated = htmlPage(site, page(UNDATED_ARTICLE));
    assert.ok(undated.includes(`<meta name="twitter:card" content="summary">`));
    assert.doesNotMatch(undated, /og:image|article:published_time/);
    const home = htmlPage(site, page("/"));
    assert.ok(home.includes(`<meta property="og:type" content="website">`) && home.includes(`<meta property="og:url" content="${BASE}/">`));
  });

  it("says what each term page lists, with counts in the singular and the plural", () => {
    assert.deepEqual(
      ["/medias/bladi/", "/personnes/abdellatif-hammouchi/", "/institutions/dgst/", "/sujets/securite-routiere/"].map((url) => [page<TermPage>(url).articlesHeading, page<TermPage>(url).totalLabel]),
      [
        // The two bundled articles and the two added, all but the 2022 one from Bladi.net.
        ["Articles publiés par Bladi.net", "3 articles"],
        ["Articles mentionnant cette personne", "2 articles"],
        ["Articles mentionnant cette institution", "2 articles"],
        ["Articles sur ce sujet", "1 article"],
      ],
    );
    assert.equal(page<TermPage>("/lieux/maroc/").articlesHeading, "Articles mentionnant ce lieu");
  });

  it("lists every article newest first, the undated last, and links the home page to every index and to the undated", () => {
    const all = page<ArchivePage>("/archives/tous/");
    assert.equal(all.title, "Tous les articles");
    assert.equal(all.articles.at(-1)?.url, UNDATED_ARTICLE);
    assert.equal(all.articles[0]?.url, IMAGE_ARTICLE);
    assert.equal(page<ArchivePage>("/archives/sans-date/").title, "Articles non datés");
    const home = page<HomePage>("/");
    assert.equal(home.allArticles.url, "/archives/tous/");
    assert.deepEqual(home.lists.map((list) => list.seeAll.url), ["/personnes/", "/institutions/", "/sujets/", "/lieux/", "/medias/", "/archives/"]);
    assert.deepEqual(home.lists.at(-1)?.items.at(-1), { name: "Articles non datés", url: "/archives/sans-date/", count: 1 });
    assert.ok(["/", "/archives/tous/", "/personnes/", "/institutions/", "/sujets/", "/lieux/", "/medias/", "/archives/"].every((url) => site.nav.some((link) => link.url === url)));
  });
});
