import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { cleanText, stripSiteName } from "../../../src/ingest/html-meta.ts";
import { htmlToMarkdown } from "../../../src/ingest/html-to-markdown.ts";
import { composeText, readHtml as readHtmlWith } from "../../../src/ingest/html.ts";
import { stripInert } from "../../../src/ingest/html-parse.ts";
import { collectNodes, parseJsonLdBlock, readJsonLd } from "../../../src/ingest/json-ld.ts";
import { markdownAsText } from "../../../src/text/markdown-text.ts";
import { PROJECT_RULES } from "../../helpers/rules.ts";

/** The HTML reader with the project's furniture vocabulary (content/rules/). */
const readHtml = (raw: string, path: string, options?: { url: string }) => readHtmlWith(raw, path, PROJECT_RULES.pageFurniture, options);

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/html/${name}`, import.meta.url), "utf8");

interface PageCase {
  /** What the case shows, as the test's title. */
  title: string;
  file: string;
  options?: { url: string };
  expect: {
    title: string;
    titleFrom: string;
    published: string | undefined;
    publishedFrom?: string;
    siteName: string | undefined;
    siteNameFrom?: string;
    url: string;
    urlFrom: string;
    extra?: Record<string, unknown>;
  };
  /** Text the body must hold: the article's paragraphs, headings, captions. */
  contains: string[];
  /** Page furniture that must not reach the text. */
  absent: string[];
}

const PAGES: PageCase[] = [
  {
    title: "reads a WordPress page's Yoast @graph, its OpenGraph tags and the article between heavy theme markup",
    file: "wordpress-yoast-graph.html",
    expect: {
      title: "Sécurité maritime : exercice conjoint de garde-côtes en Méditerranée occidentale",
      titleFrom: "json-ld:headline",
      published: "2024-03-12T09:45:00+00:00",
      publishedFrom: "json-ld:datePublished",
      siteName: "Rivages Info",
      siteNameFrom: "meta[property=og:site_name]",
      url: "https://www.rivages-info.ma/securite/exercice-conjoint-garde-cotes-mediterranee-occidentale/",
      urlFrom: "link[rel=canonical]",
      extra: {
        modified: "2024-03-12T14:02:11+00:00",
        author: "Nadia Ouazzani",
        section: "Sécurité",
        lang: "fr-FR",
        keywords: ["garde-côtes", "Méditerranée", "sauvetage en mer"],
      },
    },
    contains: [
      "Les garde-côtes de quatre pays riverains ont mené, lundi et mardi, un exercice conjoint",
      "L'exercice, baptisé « Horizon commun », a mobilisé six navires",
      "## Une coopération relancée",
      "Plusieurs organisations non gouvernementales, tout en saluant l'initiative",
      "Un nouvel exercice, consacré cette fois à la lutte contre la pollution marine, est prévu à l'automne dans le détroit.",
      "Une vedette de surveillance lors de l'exercice, au large d'Al Hoceïma.",
    ],
    absent: [
      "Nous utilisons des cookies",
      "Politique de confidentialité",
      "Accueil",
      "Opinions",
      "mardi, mars 12, 2024",
      "Partager sur Facebook",
      "WhatsApp",
      "À lire aussi",
      "Migration : un nouveau dispositif de surveillance côtière",
      "Articles similaires",
      "Visite du ministre des Affaires étrangères à Lisbonne",
      "Laisser un commentaire",
      "Newsletter",
      "Recevez chaque matin",
      "Les plus lus",
      "Le port de Nador West Med",
      "TAGS",
      "Journaliste au service Sécurité",
      "Tous droits réservés",
      "tdwGlobal",
      "gtag",
    ],
  },
  {
    title: "reads a page that has only OpenGraph tags and keeps its byline whole",
    file: "opengraph-only.html",
    expect: {
      title: "Diplomatie : Rabat et Lisbonne signent un accord sur la sécurité des ports",
      titleFrom: "meta[property=og:title]",
      published: "2023-11-08T17:20:00+01:00",
      publishedFrom: "meta[property=article:published_time]",
      siteName: "Atlas Matin",
      siteNameFrom: "meta[property=og:site_name]",
      url: "https://atlasmatin.com/diplomatie/2023/11/08/rabat-lisbonne-accord-securite-ports",
      urlFrom: "meta[property=og:url]",
      extra: { section: "Diplomatie", keywords: ["Portugal", "ports", "douanes"], lang: "fr" },
    },
    contains: [
      "Par Youssef Alami · Le 8 novembre 2023 à 17h20",
      "Le Maroc et le Portugal ont signé mercredi à Rabat un accord de coopération",
      "Le texte prévoit la mise en place d'inspections conjointes",
      "« Nos ports sont la porte d'entrée de nos économies, et leur sécurité est une responsabilité partagée »",
      "Les deux délégations ont également évoqué la préparation de la prochaine réunion de haut niveau",
    ],
    absent: [
      "S'abonner",
      "Se connecter",
      "Mercredi 8 novembre 2023",
      "Politique",
      "En continu",
      "Grève dans les transports urbains",
      "Publicité",
      "La newsletter Diplomatie",
      "Je m'inscris",
      "Partager cet article",
      "LinkedIn",
      "Les plus lus",
      "Remaniement",
      "Mentions légales",
      "© 2023 Atlas Matin",
    ],
  },
  {
    title: "takes the title from the article's h1 and the date from its time element, not from the masthead's",
    file: "time-and-h1.html",
    options: { url: "https://www.leveilleur.ma/defense/2022/06/14/sahel-mission-formation-prolongee/" },
    expect: {
      title: "Sahel : la mission de formation des armées régionales prolongée d'un an",
      titleFrom: "h1",
      published: "2022-06-14T18:05:00+02:00",
      publishedFrom: "time[datetime]",
      siteName: "Le Veilleur",
      siteNameFrom: "meta[name=apple-mobile-web-app-title]",
      url: "https://www.leveilleur.ma/defense/2022/06/14/sahel-mission-formation-prolongee/",
      urlFrom: "options.url",
    },
    contains: [
      "Les pays contributeurs à la mission de formation des armées de la région ont décidé mardi",
      "Un diplomate européen résume : « Nous restons, mais nous ne resterons pas à n'importe quelles conditions. »",
      "## Un bilan contrasté",
      "Le prochain point d'étape est prévu en décembre, à l'occasion de la réunion ministérielle annuelle.",
    ],
    absent: ["Édition du", "lundi 20 juin 2022", "International", "À propos", "Sur le même sujet", "Exercice aérien conjoint", "journal indépendant", "Mentions légales"],
  },
  {
    title: "reads microdata: itemprop headline, datePublished, dateModified, author and publisher",
    file: "microdata-itemprop.html",
    expect: {
      title: "Terrorisme : démantèlement d'une cellule dans la région de l'Oriental",
      titleFrom: "h1[itemprop=headline]",
      published: "2021-04-13T04:28:00+01:00",
      publishedFrom: "meta[itemprop=datePublished]",
      siteName: "L'Écho du Nord",
      siteNameFrom: "[itemprop=publisher] [itemprop=name]",
      url: "https://www.echodunord.ma/actualite/terrorisme-demantelement-cellule-oriental-18342.html",
      urlFrom: "link[rel=canonical]",
      extra: {
        modified: "2021-04-13T10:02:00+01:00",
        author: "Samir Haddad",
        keywords: ["terrorisme", "cellule", "Oriental", "sécurité"],
      },
    },
    contains: [
      "Les saisies présentées à la presse. (Photo d'archives)",
      "Les services de sécurité ont démantelé, lundi, une cellule de quatre personnes",
      "Les suspects, âgés de 22 à 35 ans, ont été interpellés simultanément",
      "Les quatre hommes ont été placés en garde à vue",
      "Depuis le début de l'année, trois autres cellules ont été démantelées dans le pays",
    ],
    absent: [
      "Lire aussi",
      "Bilan annuel de la lutte antiterroriste",
      "Partager",
      "E-mail",
      "Commentaires",
      "Bravo aux services",
      "Les plus lus",
      "Inauguration du nouveau port de pêche",
      "Publicité",
      "Tanger 21°C",
      "Accueil",
      "Tous droits réservés",
    ],
  },
  {
    title: "skips a JSON-LD block that cannot be read and repairs one with raw line breaks and trailing commas",
    file: "malformed-json-ld.html",
    expect: {
      title: "Migrations : Madrid et Rabat font le point sur la coopération policière",
      titleFrom: "json-ld:headline",
      published: "2022-09-27T08:00:00Z",
      publishedFrom: "json-ld:datePublished",
      siteName: "Le Courrier du Détroit",
      siteNameFrom: "json-ld:publisher.name",
      url: "https://www.courrierdudetroit.com/societe/migrations-madrid-rabat-cooperation-policiere-2022-09-27",
      urlFrom: "meta[property=og:url]",
      extra: { modified: "2022-09-27T09:15:00Z", author: "Inès Moreno, Hamid Tazi", section: "Société" },
    },
    contains: [
      "Les responsables des ministères de l'Intérieur espagnol et marocain se sont réunis lundi à Madrid",
      "Au menu des discussions : le fonctionnement des patrouilles mixtes",
      "Un accord technique sur l'échange de données biométriques",
      "La prochaine session du groupe de travail doit se tenir à Rabat",
    ],
    absent: ["Version provisoire", "Brouillon", "Monde", "Opinion", "RSS", "Contact"],
  },
  {
    title: "strips the site name suffixed to a <title> when the page has no other headline source",
    file: "title-suffix.html",
    expect: {
      title: "Menace terroriste : le niveau d'alerte maintenu à « élevé »",
      titleFrom: "title",
      published: "2019-10-02T11:30:00+02:00",
      publishedFrom: "meta[name=DC.date.issued]",
      siteName: "L'Horizon",
      siteNameFrom: "meta[property=og:site_name]",
      url: "https://lhorizon.ma/securite/menace-terroriste-niveau-alerte-maintenu",
      urlFrom: "link[rel=canonical]",
    },
    contains: [
      "Publié le mercredi 2 octobre 2019 à 11h30",
      "Le niveau d'alerte face à la menace terroriste est maintenu à « élevé » sur l'ensemble du territoire",
      "Ce niveau, en vigueur depuis près de deux ans",
      "Le comité se réunira de nouveau dans trois mois pour réévaluer la situation.",
    ],
    absent: ["Aller au contenu principal", "Rechercher", "Mots-clés", "Ajouter un commentaire", "À la une", "Projet de loi de finances", "Visite officielle", "quotidien d'information"],
  },
  {
    title: "strips the site name prefixed to a <title> and reads paragraphs written as text and <br>",
    file: "title-prefix.html",
    options: { url: "https://www.mediterranee-infos.fr/cyber/2021/07/19/campagne-hameconnage-administrations.html?utm_source=rss" },
    expect: {
      title: "Cybersécurité : une campagne d'hameçonnage vise des administrations",
      titleFrom: "title",
      published: "2021-07-19T06:00:00Z",
      publishedFrom: "meta[name=parsely-pub-date]",
      siteName: undefined,
      url: "https://www.mediterranee-infos.fr/cyber/2021/07/19/campagne-hameconnage-administrations.html",
      urlFrom: "link[rel=canonical]",
      extra: { section: "Cyber" },
    },
    contains: [
      "au moyen de faux courriels imitant des convocations officielles.\n\nSelon le bulletin d'alerte publié par l'agence",
      "Une vingtaine de tentatives ont été détectées en une semaine",
      "L'agence recommande de ne jamais ouvrir une pièce jointe inattendue",
      "Une enquête a été ouverte pour déterminer l'origine de la campagne",
    ],
    absent: ["Lire aussi", "Un hôpital visé par un rançongiciel", "Imprimer", "Envoyer à un ami", "Derniers articles", "Conseil des ministres", "Publicité", "Reproduction interdite", "Sports"],
  },
  {
    title: "keeps the article of a page heavy with navigation, banners, teasers, share buttons, comments and ads, and nothing else",
    file: "heavy-furniture.html",
    expect: {
      title: "Renseignement : le Parlement adopte la réforme du contrôle des services",
      titleFrom: "json-ld:headline",
      published: "2023-02-15T21:14:00+01:00",
      publishedFrom: "json-ld:datePublished",
      siteName: "La Gazette du Littoral",
      siteNameFrom: "meta[property=og:site_name]",
      url: "https://www.gazette-littoral.fr/politique/article/2023/02/15/renseignement-parlement-adopte-reforme-controle_88412.html",
      urlFrom: "link[rel=canonical]",
      extra: {
        modified: "2023-02-16T07:40:00+01:00",
        author: "Claire Duval, Mehdi Saïdi",
        section: "Politique",
        keywords: ["renseignement", "Parlement", "libertés publiques"],
      },
    },
    contains: [
      "Par Claire Duval et Mehdi Saïdi · Publié le 15 février 2023 à 21h14",
      "L'hémicycle lors du vote solennel, mercredi soir.",
      "Après plus de six mois de navette parlementaire, les députés ont définitivement adopté mercredi soir",
      "Le texte crée une autorité administrative indépendante, composée de magistrats",
      "« Il s'agit d'un équilibre entre l'efficacité de nos services et la protection des libertés de chacun »",
      "## Des garanties pour les lanceurs d'alerte",
      "Les associations de défense des droits humains saluent une avancée",
    ],
    absent: [
      "Votre vie privée",
      "cookies",
      "Accepter et fermer",
      "Alerte info",
      "Séisme",
      "S'abonner dès",
      "Se connecter",
      "Gouvernement",
      "Afrique",
      "Accueil",
      "Partager sur Facebook",
      "WhatsApp",
      "Copier le lien",
      "À lire aussi",
      "Le rapport annuel qui pointait les lacunes",
      "Newsletter Politique",
      "S'inscrire",
      "Il vous reste 65 %",
      "Découvrir les offres",
      "Sujets associés",
      "Sur le même sujet",
      "Les auditions de la commission des lois",
      "Réactions",
      "Enfin une autorité indépendante",
      "Les plus lus",
      "Grève des dockers",
      "Publicité",
      "Contenus sponsorisés",
      "Ces villes où il fait bon vivre",
      "Qui sommes-nous",
      "Toute reproduction interdite",
      "__INITIAL_STATE__",
    ],
  },
  {
    title: "decodes entities in markup and JSON-LD and finds an article nested as a WebPage's mainEntity in a JSON-LD array",
    file: "entities-utf8.html",
    expect: {
      title: "L’État renforce la sécurité à la frontière : « une priorité »",
      titleFrom: "json-ld:headline",
      published: "2020-02-02T10:00:00+00:00",
      publishedFrom: "json-ld:datePublished",
      siteName: "Sahel Hebdo",
      siteNameFrom: "meta[property=og:site_name]",
      url: "https://sahelhebdo.com/securite/etat-renforce-securite-frontiere/",
      urlFrom: "meta[property=og:url]",
      extra: { author: "Aminata Traoré" },
    },
    contains: [
      "Le gouvernement a annoncé l’envoi de renforts et la création de deux nouveaux postes de contrôle",
      "« La sécurisation de nos frontières est une priorité absolue », a-t-il déclaré lors d’une conférence de presse.",
      "Le coût total du plan est estimé à 4,5 milliards de francs CFA.",
      "dans les services de base — santé, écoles, routes —",
      "Un premier bilan du dispositif sera présenté au Parlement à l’automne.",
    ],
    absent: ["Partager", "Tweeter", "Tous droits réservés", "Accueil", "Économie", "&eacute;", "&#8217;", "&nbsp;"],
  },
];

describe("readHtml on saved news pages", () => {
  for (const page of PAGES) {
    it(page.title, () => {
      const doc = readHtml(fixture(page.file), `articles/${page.file}`, page.options);
      const { meta } = doc;
      assert.equal(doc.path, `articles/${page.file}`);
      assert.equal(doc.format, "html");
      assert.deepEqual(doc.frontMatter, {});
      assert.deepEqual(doc.frontMatterLines, {});
      assert.equal(doc.bodyLine, 1);

      assert.equal(meta.title, page.expect.title);
      assert.equal(meta.evidence["title"], page.expect.titleFrom);
      assert.equal(meta.published, page.expect.published);
      assert.equal(meta.evidence["published"], page.expect.publishedFrom);
      assert.equal(meta.siteName, page.expect.siteName);
      assert.equal(meta.evidence["siteName"], page.expect.siteNameFrom);
      assert.equal(meta.url, page.expect.url);
      assert.equal(meta.evidence["url"], page.expect.urlFrom);
      for (const [field, value] of Object.entries(page.expect.extra ?? {})) assert.deepEqual(meta[field as keyof typeof meta], value, field);

      // Nothing of the layout survives, French typography does (the text is compared with
      // non-breaking spaces folded, as the fixtures are typed with plain spaces).
      // The text is Markdown (the page's links kept): compared as segmentation reads it, each link as its words.
      const words = doc.text.split("\n").map(markdownAsText).join("\n");
      const text = words.replace(/[\u00A0\u202F]/g, " ");
      assert.ok(words.startsWith(`${page.expect.title}\n\n`), `the headline opens the text:\n${doc.text.slice(0, 200)}`);
      assert.equal(text.split(page.expect.title.replace(/[\u00A0\u202F]/g, " ")).length - 1, 1, "the headline is not repeated");
      for (const expected of page.contains) assert.ok(text.includes(expected), `the text holds «${expected}»:\n${doc.text}`);
      for (const unwanted of page.absent) assert.ok(!text.includes(unwanted), `the text leaves out «${unwanted}»:\n${doc.text}`);
      assert.doesNotMatch(doc.text, /<\/?[a-z][a-z0-9]*[\s>]/i, "no raw HTML");
      assert.doesNotMatch(doc.text, /!\[/, "no Markdown images");
      for (const [, target] of doc.text.matchAll(/\]\(<?([^)\s>]*)/g)) assert.match(target ?? "", /^https?:\/\/[^/]/, "links lead to web pages only");
      assert.doesNotMatch(doc.text, /\n{3,}/, "one blank line between blocks");
    });
  }

  it("strips a domain-like site name from a <title> even when the page names no site", () => {
    const doc = readHtml(fixture("title-prefix.html"), "title-prefix.html");
    assert.equal(doc.meta.title, "Cybersécurité : une campagne d'hameçonnage vise des administrations");
    // Its canonical is relative and the page gives no address to resolve it against: no http(s) address, none kept.
    assert.equal(doc.meta.url, undefined);
  });
});

describe("readHtml on broken input", () => {
  const empty = { path: "x.html", format: "html", frontMatter: {}, frontMatterLines: {}, bodyLine: 1, text: "", meta: { evidence: {} } };

  it("returns an empty document for an empty string or blank text", () => {
    assert.deepEqual(readHtml("", "x.html"), empty);
    assert.deepEqual(readHtml("  \n\t ", "x.html"), empty);
    assert.deepEqual(readHtml("<!-- rien -->", "x.html"), empty);
    assert.deepEqual(readHtml("<script>alert(1)</script><style>p{}</style>", "x.html"), empty);
  });

  it("keeps the address it was given when the page has none", () => {
    assert.deepEqual(readHtml("", "x.html", { url: "https://exemple.ma/a" }).meta, { url: "https://exemple.ma/a", evidence: { url: "options.url" } });
  });

  it("does not throw on binary junk and leaves no control characters in the text", () => {
    const junk = "\u0000\u0001\u0002PK\u0003\u0004\u00ff\u00fe<<>>&&&\ufffd\u0007" + String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 37) % 256));
    const doc = readHtml(junk, "junk.html");
    assert.equal(typeof doc.text, "string");
    assert.doesNotMatch(doc.text, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    assert.doesNotThrow(() => readHtml("<html><head><meta property='og:title' content=\"", "cut.html"));
    assert.doesNotThrow(() => readHtml("<div>".repeat(20_000) + "texte", "deep.html"));
    assert.doesNotThrow(() => readHtml("<script>".repeat(5_000) + "<!--".repeat(5_000), "open.html"));
  });

  it("reads a fragment without <html>, <head> or <body>", () => {
    const doc = readHtml("<p>Premier paragraphe, sur la coopération sécuritaire entre les deux pays.</p><p>Second paragraphe.</p>", "fragment.html");
    assert.equal(doc.text, "Premier paragraphe, sur la coopération sécuritaire entre les deux pays.\n\nSecond paragraphe.");
    assert.deepEqual(doc.meta, { evidence: {} });
  });

  it("reads a page without <head>, and one whose <head> swallows the body", () => {
    const noHead = readHtml("<html lang='fr'><body><h1>Titre sans tête</h1><p>Le corps de l'article, avec une phrase complète.</p></body></html>", "a.html");
    assert.equal(noHead.text, "Titre sans tête\n\nLe corps de l'article, avec une phrase complète.");
    assert.deepEqual(noHead.meta, { title: "Titre sans tête", lang: "fr", evidence: { title: "h1", lang: "html[lang]" } });
    const swallowed = readHtml("<html><head><title>Un titre - Le Site</title><meta property='og:site_name' content='Le Site'><p>Un paragraphe égaré dans la tête.</p></html>", "b.html");
    assert.equal(swallowed.meta.title, "Un titre");
    assert.equal(swallowed.text, "Un titre\n\nUn paragraphe égaré dans la tête.");
  });

  it("gives the title alone when a page has nothing else", () => {
    const doc = readHtml("<title>Juste un titre | Le Site</title>", "t.html");
    assert.equal(doc.text, "Juste un titre | Le Site");
    assert.equal(readHtml("<title>Juste un titre | Le Site</title><meta name='application-name' content='Le Site'>", "t.html").text, "Juste un titre");
  });

  it("falls back to <main> when Readability gives nothing (a page beyond its element budget)", () => {
    const story = "<main><h1>Un titre d'article</h1><p>Premier paragraphe de l'article, avec assez de mots pour faire une vraie phrase.</p><p>Second paragraphe, qui conclut l'article.</p></main>";
    const grid = `<div class="grille">${"<span>◆</span>".repeat(61_000)}</div>`;
    const doc = readHtml(`<html><body>${story}${grid}</body></html>`, "grid.html");
    assert.equal(doc.text, "Un titre d'article\n\nPremier paragraphe de l'article, avec assez de mots pour faire une vraie phrase.\n\nSecond paragraphe, qui conclut l'article.");
  });

  it("reads 5 MB of markup without throwing", () => {
    const html = largePage(5_000_000);
    const doc = readHtml(html, "large.html");
    assert.equal(doc.meta.title, "Renseignement : le Parlement adopte la réforme du contrôle des services");
    assert.ok(doc.text.includes("Après plus de six mois de navette parlementaire"));
    assert.ok(!doc.text.includes("Les auditions de la commission des lois"));
  });
});

describe("the page's own facts", () => {
  it("decodes entities, double-encoded ones too, and collapses every kind of space", () => {
    assert.equal(cleanText("L&#8217;&Eacute;tat&nbsp;:  «&nbsp;non&nbsp;»"), "L’État : « non »");
    assert.equal(cleanText("L&amp;#8217;&amp;eacute;t&eacute;"), "L’été");
    assert.equal(cleanText("Titre <em>en</em>\u00AD italique\u200B\n"), "Titre en italique");
    const doc = readHtml("<meta property='og:title' content='L&amp;#8217;&amp;Eacute;tat &amp;amp; la d&eacute;fense'><p>x</p>", "e.html");
    assert.equal(doc.meta.title, "L’État & la défense");
  });

  it("strips a site name given as suffix or prefix, by name or by domain", () => {
    assert.equal(stripSiteName("Rabat accueille un sommet - Le360", ["Le360"]), "Rabat accueille un sommet");
    assert.equal(stripSiteName("Rabat accueille un sommet | TelQuel", [undefined, "https://telquel.ma/2024/01/02/sommet"]), "Rabat accueille un sommet");
    assert.equal(stripSiteName("Rabat accueille un sommet – Yabiladi", ["Yabiladi.com"]), "Rabat accueille un sommet");
    assert.equal(stripSiteName("Le Monde.fr - Rabat accueille un sommet", ["https://www.lemonde.fr/afrique/article/x.html"]), "Rabat accueille un sommet");
    assert.equal(stripSiteName("Le Monde.fr - Rabat accueille un sommet", []), "Rabat accueille un sommet");
    assert.equal(stripSiteName("Rabat accueille un sommet | Le Site | Politique", ["Le Site"]), "Rabat accueille un sommet");
    assert.equal(stripSiteName("Le Site :: Politique :: Rabat accueille un sommet", ["Le Site"]), "Politique :: Rabat accueille un sommet");
  });

  it("keeps a title whose site name is not a whole segment", () => {
    assert.equal(stripSiteName("Le360 révèle un rapport - Enquête", ["Le360"]), "Le360 révèle un rapport - Enquête");
    assert.equal(stripSiteName("Sahara : le Conseil de sécurité vote", ["Le Site"]), "Sahara : le Conseil de sécurité vote");
    assert.equal(stripSiteName("Le Site", ["Le Site"]), "Le Site");
    assert.equal(stripSiteName("Un titre - Le Site", []), "Un titre - Le Site");
    assert.equal(stripSiteName("Cyberattaque : Exemple.fr", []), "Cyberattaque : Exemple.fr");
    assert.equal(stripSiteName("Cyberattaque : Exemple.fr - Le Site", ["Le Site"]), "Cyberattaque : Exemple.fr");
  });

  it("prefers the article's own sources in order and names each one", () => {
    const doc = readHtml(
      `<html lang="fr"><head>
        <title>Le titre de l'onglet | Le Site</title>
        <meta name="twitter:title" content="Le titre Twitter">
        <meta name="date" content="2021-05-06">
        <meta name="sailthru.date" content="2021-05-07">
        <meta name="description" content="Résumé.">
        <meta name="author" content="Rédaction">
        <meta name="keywords" content=" défense , sécurité,, ">
        <meta name="application-name" content="Le Site">
        <meta property="og:url" content="https://lesite.ma/a">
      </head><body><h1>Le titre du h1</h1><p>Texte.</p></body></html>`,
      "order.html",
    );
    assert.deepEqual(doc.meta, {
      url: "https://lesite.ma/a",
      siteName: "Le Site",
      title: "Le titre Twitter",
      published: "2021-05-06",
      description: "Résumé.",
      author: "Rédaction",
      lang: "fr",
      keywords: ["défense", "sécurité"],
      evidence: {
        url: "meta[property=og:url]",
        siteName: "meta[name=application-name]",
        title: "meta[name=twitter:title]",
        published: "meta[name=date]",
        description: "meta[name=description]",
        author: "meta[name=author]",
        lang: "html[lang]",
        keywords: "meta[name=keywords]",
      },
    });
  });

  it("reads a date from a time element with pubdate, and never from a time outside the article", () => {
    const pubdate = readHtml("<body><div><time pubdate datetime='2019-03-04T10:00'>4 mars</time><h1>Titre</h1></div></body>", "p.html");
    assert.equal(pubdate.meta.published, "2019-03-04T10:00");
    assert.equal(pubdate.meta.evidence["published"], "time[pubdate]");
    const outside = readHtml("<body><div class='top'><time datetime='2024-01-01'>Aujourd'hui</time></div><h1>Titre</h1><p>Texte.</p></body>", "o.html");
    assert.equal(outside.meta.published, undefined);
  });

  it("makes a relative canonical address absolute against the page's address", () => {
    const doc = readHtml("<link rel='canonical' href='/b/article.html'><p>x</p>", "c.html", { url: "https://exemple.ma/a/article.html?x=1" });
    assert.equal(doc.meta.url, "https://exemple.ma/b/article.html");
    assert.equal(doc.meta.evidence["url"], "link[rel=canonical]");
  });
});

describe("JSON-LD", () => {
  it("follows @id references in a WordPress @graph", () => {
    const facts = readJsonLd([
      JSON.stringify({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "WebPage", "@id": "https://s.ma/a/", name: "Titre - Site" },
          { "@type": "Article", "@id": "https://s.ma/a/#article", headline: "Titre", datePublished: "2024-01-02T03:04:05+00:00", author: { "@id": "https://s.ma/#/person/1" }, publisher: { "@id": "https://s.ma/#org" }, articleSection: ["Défense", "Maroc"], keywords: "armée, marine" },
          { "@type": "Organization", "@id": "https://s.ma/#org", name: "Site Média" },
          { "@type": "WebSite", "@id": "https://s.ma/#website", name: "Site" },
          { "@type": "Person", "@id": "https://s.ma/#/person/1", name: "Amal Idrissi" },
        ],
      }),
    ]);
    assert.deepEqual(facts, {
      headline: { value: "Titre", field: "headline" },
      datePublished: "2024-01-02T03:04:05+00:00",
      section: "Défense",
      authors: ["Amal Idrissi"],
      keywords: ["armée", "marine"],
      siteName: { value: "Site Média", field: "publisher.name" },
    });
  });

  it("reads arrays of nodes, nested mainEntity, @type arrays and full schema.org type names", () => {
    const facts = readJsonLd([
      '[{"@type":"WebSite","name":"Le Site"},{"@type":"WebPage","mainEntity":{"@type":["http://schema.org/ReportageNewsArticle"],"headline":"Reportage","dateModified":"2020-01-02","author":[{"name":"A"},"B","https://x.ma/auteur"]}}]',
    ]);
    assert.equal(facts.headline?.value, "Reportage");
    assert.equal(facts.dateModified, "2020-01-02");
    assert.deepEqual(facts.authors, ["A", "B"]);
    assert.deepEqual(facts.siteName, { value: "Le Site", field: "WebSite.name" });
  });

  it("prefers the page's article to one listed inside it", () => {
    const nodes = collectNodes({ "@type": "NewsArticle", headline: "La page", hasPart: { "@type": "ItemList", itemListElement: [{ "@type": "NewsArticle", headline: "Un autre" }] } });
    assert.deepEqual(nodes.map((node) => node["headline"] ?? node["@type"]), ["La page", "ItemList", "Un autre"]);
    assert.equal(readJsonLd([JSON.stringify({ "@type": "ItemList", itemListElement: [{ "@type": "BlogPosting", name: "Seul" }] })]).headline?.value, "Seul");
  });

  it("repairs wrappers, raw line breaks and trailing commas, and skips what cannot be read", () => {
    assert.deepEqual(parseJsonLdBlock('//<![CDATA[\n{"a": "x\ny", "b": [1, 2,],}\n//]]>'), { a: "x y", b: [1, 2] });
    assert.deepEqual(parseJsonLdBlock("<!-- {\"a\": 1} -->"), { a: 1 });
    assert.equal(parseJsonLdBlock('{"@type": "NewsArticle", "headline": "coupé'), undefined);
    assert.equal(parseJsonLdBlock(""), undefined);
    assert.deepEqual(readJsonLd(['{"@type": "NewsArticle", "headline": "coupé', "null", "42", '"texte"']), { authors: [], keywords: [] });
  });

  it("stays bounded on hostile nesting", () => {
    const deep = "[".repeat(5_000) + "]".repeat(5_000);
    assert.deepEqual(readJsonLd([deep]), { authors: [], keywords: [] });
    let nested: unknown = { "@type": "NewsArticle", headline: "Profond" };
    for (let level = 0; level < 1_000; level++) nested = { "@type": "Thing", child: nested };
    assert.equal(readJsonLd([JSON.stringify(nested)]).headline, undefined);
  });
});

describe("htmlToMarkdown", () => {
  it("writes paragraphs, headings, lists and quotes as plain Markdown", () => {
    const markdown = htmlToMarkdown(
      "<h1>Titre</h1><p>Un paragraphe.</p><h3>Intertitre</h3><ul><li>un</li><li>deux</li></ul><ol><li>premier</li></ol><blockquote><p>Une citation.</p></blockquote>",
    );
    assert.equal(markdown, "## Titre\n\nUn paragraphe.\n\n### Intertitre\n\n- un\n- deux\n\n1. premier\n\n> Une citation.");
  });

  it("keeps links to web pages, drops emphasis markers, media and controls, and keeps captions", () => {
    const markdown = htmlToMarkdown(
      '<p>Selon <a href="https://x.ma/rapport">le rapport</a>, <strong>l\'armée</strong> et <em>la marine</em>.</p><figure><img src="a.jpg" alt="photo"><figcaption>Le port de Tanger. <span>© AFP</span></figcaption></figure><p><img src="b.jpg"></p><iframe src="https://video"></iframe><button>Partager</button><form><input value="x"><label>Courriel</label></form><video src="v.mp4"></video><nav><a href="/">Accueil</a></nav><script>var x = 1;</script><style>p{}</style><p>Fin.</p>',
    );
    assert.equal(markdown, "Selon [le rapport](https://x.ma/rapport), l'armée et la marine.\n\nLe port de Tanger. © AFP\n\nFin.");
  });

  it("escapes in prose only what Markdown would read as syntax", () => {
    const prose = "L'État dépense 5 * 3 millions, le fichier snake_case, [sic] et le #hashtag du jour : « d'accord » !";
    assert.equal(htmlToMarkdown(`<p>${prose}</p>`), "L'État dépense 5 \\* 3 millions, le fichier snake_case, \\[sic] et le #hashtag du jour : « d'accord » !");
    // A paragraph opening with "1." would be read as a list.
    assert.equal(htmlToMarkdown("<p>1. Un point - deux points + trois</p>"), "1\\. Un point - deux points + trois");
  });

  it("leaves out the list items, and the lists, that dropping the media empties (a block-editor gallery)", () => {
    const gallery =
      '<figure class="wp-block-gallery columns-3 is-cropped"><ul class="blocks-gallery-grid">' +
      '<li class="blocks-gallery-item"><figure><img src="https://x.ma/wp-content/uploads/2021/04/a.jpg" alt="" data-id="41" class="wp-image-41"/></figure></li>' +
      '<li class="blocks-gallery-item"><figure><img src="https://x.ma/wp-content/uploads/2021/04/b.jpg" alt="" data-id="42" class="wp-image-42"/></figure></li>' +
      "</ul></figure>";
    assert.equal(htmlToMarkdown(`<p>Avant la visite.</p>${gallery}<p>Après la visite.</p>`), "Avant la visite.\n\nAprès la visite.");
    const captioned = '<ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="a.jpg"/><figcaption class="blocks-gallery-item__caption">Le wali à Tanger</figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="b.jpg"/></figure></li></ul>';
    assert.equal(htmlToMarkdown(captioned), "- Le wali à Tanger");
    assert.equal(htmlToMarkdown("<ol><li>premier</li><li><img src='x.png'></li><li>troisième</li></ol>"), "1. premier\n2. troisième");
  });

  it("escapes only what would change the text's shape", () => {
    assert.equal(htmlToMarkdown("<p># pas un titre</p>"), "\\# pas un titre");
    assert.equal(htmlToMarkdown("<p>Voir <b>ceci</b> # et là<br># ici</p>"), "Voir ceci # et là\n\\# ici");
    assert.equal(htmlToMarkdown("<p>&lt;script&gt; et &amp;eacute;</p>"), "\\<script> et \\&eacute;");
  });

  it("turns <br> into line breaks, tables into rows and keeps one blank line between blocks", () => {
    assert.equal(htmlToMarkdown("<p>Par Jean Dupont<br>Publié le 3 mars 2024</p>"), "Par Jean Dupont\nPublié le 3 mars 2024");
    assert.equal(htmlToMarkdown("<table><caption>Bilan</caption><tr><th>Ville</th><th>Saisies</th></tr><tr><td>Rabat</td><td>12<br>tonnes</td></tr></table>"), "Bilan\n\nVille | Saisies\n\nRabat | 12 tonnes");
    assert.equal(htmlToMarkdown("<p>a</p><div></div><p></p><div><div></div></div><p>b</p>"), "a\n\nb");
  });

  it("writes a footnote's call as its number in brackets and drops the note's link back; other superscripts are their text", () => {
    // WordPress's block editor, then kramdown (Jekyll) and Hugo's Goldmark.
    const wordpress =
      '<p>Le déficit atteint 1,3 milliard<sup data-fn="a1" class="fn"><a href="#a1" id="a1-link">1</a></sup> au 1<sup>er</sup> janvier, sur 20 m<sup>2</sup>.</p>' +
      '<ol class="wp-block-footnotes"><li id="a1">Rapport public annuel 2024. <a href="#a1-link" aria-label="Aller à la référence 1">↩︎</a></li></ol>';
    assert.equal(htmlToMarkdown(wordpress), "Le déficit atteint 1,3 milliard\\[1] au 1er janvier, sur 20 m2.\n\n1. Rapport public annuel 2024.");
    const kramdown =
      '<p>Selon la Cour<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup>.</p>' +
      '<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1" role="doc-endnote"><p>Rapport de 2023. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>';
    assert.equal(htmlToMarkdown(kramdown), "Selon la Cour\\[1].\n\n1. Rapport de 2023.");
    // A superscript linked elsewhere than the page itself is not a note's call.
    assert.equal(htmlToMarkdown('<p>Voir<sup><a href="https://x.ma/annexe">2</a></sup>.</p>'), "Voir[2](https://x.ma/annexe).");
  });

  it("returns nothing for empty input", () => {
    assert.equal(htmlToMarkdown(""), "");
    assert.equal(htmlToMarkdown("<div> </div>"), "");
  });
});

describe("composeText", () => {
  it("puts the headline first and does not repeat it when the body opens with it", () => {
    assert.equal(composeText("Le titre", "Un paragraphe."), "Le titre\n\nUn paragraphe.");
    assert.equal(composeText("Le titre", "## Le Titre\n\nUn paragraphe."), "Le titre\n\nUn paragraphe.");
    assert.equal(composeText("Le titre d'OpenGraph", "## Le titre du h1\n\nUn paragraphe.", "Le titre du h1"), "Le titre d'OpenGraph\n\nUn paragraphe.");
    assert.equal(composeText(undefined, "Un paragraphe."), "Un paragraphe.");
    assert.equal(composeText("Le titre", ""), "Le titre");
  });
});

describe("stripInert", () => {
  it("cuts scripts, styles, comments and inline SVG but keeps JSON-LD", () => {
    const html = '<p>a</p><script>var x = "</p>";</script><script type="application/ld+json">{"a":1}</script><style>p{}</style><!-- note --><svg><path d="M0"/></svg><p>b</p>';
    assert.equal(stripInert(html), '<p>a</p><script type="application/ld+json">{"a":1}</script><p>b</p>');
    assert.equal(stripInert("<p>a</p><script>jamais fermé"), "<p>a</p><script>jamais fermé");
  });
});

/**
 * A saved page of about `size` characters built the way real ones are: inline state and
 * styles, an SVG sprite, a mega menu, rows of teaser cards, comments, around the article of
 * the heavy fixture.
 */
function largePage(size: number): string {
  const base = fixture("heavy-furniture.html");
  const state = JSON.stringify({ articles: Array.from({ length: 400 }, (_, i) => ({ id: i, title: `Titre d'article numéro ${i}`, url: `/politique/article/2023/02/${i}/slug_${i}.html` })) });
  const css = Array.from({ length: 600 }, (_, i) => `.c${i} .d${i}>a:hover{color:#0b2545;margin:${i % 7}px ${i % 5}px}`).join("\n");
  const sprite = `<svg style="display:none">${Array.from({ length: 80 }, (_, i) => `<symbol id="i${i}" viewBox="0 0 24 24"><path d="M${i} 2L22 ${i}L2 22Z"/></symbol>`).join("")}</svg>`;
  const menu = `<nav class="Mega">${Array.from({ length: 25 }, (_, i) => `<div class="Mega__col"><h3>Rubrique ${i}</h3><ul>${Array.from({ length: 8 }, (_, j) => `<li><a href="/r${i}/s${j}/">Sous-rubrique ${i}.${j}</a></li>`).join("")}</ul></div>`).join("")}</nav>`;
  const cards = (count: number): string =>
    Array.from(
      { length: count },
      (_, i) =>
        `<li class="Card"><a href="/politique/article/2023/01/${i}/slug_${i}.html"><picture><source srcset="/img/${i}-400.webp 400w, /img/${i}-800.webp 800w" type="image/webp"><img src="/img/${i}-400.jpg" alt="" loading="lazy" width="400" height="225"></picture><span class="Card__title">Les auditions de la commission des lois, épisode ${i}</span></a><time datetime="2023-01-${(i % 28) + 1}">il y a ${i} heures</time></li>`,
    ).join("\n");
  const comments = Array.from({ length: 25 }, (_, i) => `<div class="Comment"><p class="Comment__author">Lecteur ${i}</p><p>Un commentaire de lecteur, numéro ${i}, sur la réforme et ses conséquences.</p></div>`).join("\n");
  const page = base
    .replace("</head>", `<script>window.__STATE__=${state}</script><style>${css}</style></head>`)
    .replace('<body class="article-page premium">', `<body class="article-page premium">${sprite}`)
    .replace('<nav class="MegaMenu" aria-label="Rubriques">', `${menu}<nav class="MegaMenu" aria-label="Rubriques">`)
    .replace('<ul class="Cards">', `<ul class="Cards">${cards(60)}`)
    .replace("<h2>Réactions (12)</h2>", `<h2>Réactions</h2>${comments}`);
  const block = `<div class="Footer__more"><h2>Sur le même sujet</h2><ul>${cards(10)}</ul></div>\n`;
  const blocks = Math.max(0, Math.ceil((size - page.length) / block.length));
  return page.replace("</body>", `${block.repeat(blocks)}</body>`);
}
