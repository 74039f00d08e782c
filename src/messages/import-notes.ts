import { count, type EditorLang } from "./plural.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { diagnosticText } from "./diagnostics.ts";

/**
 * What `npm run import` writes and reports beyond its command lines (./editor.ts `import`), in
 * the site's language: the notes written as `# À VÉRIFIER` comments in an imported article,
 * why an entry is skipped or a file fails, why a post is a duplicate, and the closing line of
 * counts. The import chooses the catalogue once (`importNotes(config.lang)`) and hands it down.
 */
export interface ImportNotes {
  /** A note as the comment written in the article's front matter. */
  toCheckComment(note: string): string;

  // Files that hold many articles (src/editor/import-archive.ts)
  archiveTooLarge(megabytes: number): string;
  archiveUnreadable(error: string): string;
  xmlMalformed(line: number, message: string): string;
  notAnArchive(rootElement: string): string;

  // WordPress exports (src/editor/import-wxr.ts)
  /** Why a WordPress post with this status was not public: `draft`, `pending`, `private`, `future` or another status. */
  wordpressUnpublished(status: string): string;
  wordpressPasswordProtected: string;
  /** An entry of another post type (`page`, `attachment`…), with its title when it has one. */
  notAPost(type: string, title: string): string;
  trashed(title: string): string;
  autoDraft(title: string): string;
  /** Shortcodes removed with what they showed (`[youtube]`, `[gallery]`): the export holds no media nor plugin. */
  shortcodesRemoved(shortcodes: readonly string[]): string;
  /** Images, videos and embedded frames of an item's HTML, which the article's text does not carry: how many of each. */
  mediaRemoved(counts: { images: number; videos: number; frames: number }): string;

  // Hugo, Jekyll and Eleventy sites (src/editor/import-site.ts, import-post.ts)
  hugoListPage: string;
  /** A Hugo bundle without a page of its own (`headless: true`). */
  hugoHeadless: string;
  bundleResource(folder: string): string;
  homePage: string;
  pageOutsideSection: string;
  /** A Hugo page of a section the site's `mainSections` leaves out, and the section's folder to import on its own. */
  hugoOtherSection(section: string, mainSections: readonly string[], folder: string): string;
  jekyllPage: string;
  /** A document of a Jekyll collection (`_docs/`), and the collection's folder to import on its own. */
  jekyllCollection(collection: string, folder: string): string;
  /** A post in a format Revue does not read (`.adoc`, `.org`, `.rst`, `.textile`…). */
  formatNotRead(extension: string): string;
  eleventyNoFrontMatter: string;
  eleventyPage: string;
  /** A problem of the source file that stops its import, where the reader found it, in the site's language. */
  sourceProblem(problem: Diagnostic): string;
  unreadableDate(key: string, value: string): string;
  /** The date Eleventy's keyword (`date: git Created`) stood for, found in git's history of the file or in the file's times. */
  dateFromKeyword(key: string, value: string, from: "git" | "file"): string;
  /** A date of last change that is no date: left out. */
  unreadableModified(key: string, value: string): string;
  droppedKeys(keyValues: readonly string[]): string;
  /** A front-matter key the source writes twice: its later value is the one imported. */
  keyWrittenTwice(key: string, firstLine: number, line: number): string;
  bundleFiles(folder: string, files: readonly string[]): string;
  /** The former site made the post's address in a way Revue does not redo (a JavaScript data file, a template it does not know): no redirect. */
  formerAddressUnknown: string;
  /** A Jekyll collection's document imported as an article, whose collection made no pages (no `output: true`). */
  jekyllNoPage(collection: string): string;
  /** The former site was published under a path the archive is not: its old addresses lead here only under that path. */
  formerPrefix(prefix: string): string;
  jekyllDraft: string;
  formerSiteDraft: string;
  /** A post's address on its former site told apart by its query (WordPress's `/?p=42`), which no static page can redirect. */
  queryAddress(address: string): string;
  /** Eleventy wrote no page for the post: its folder's data files say `permalink: false`. */
  eleventyDataNotWritten: string;
  /** A data file of the post's folder says `draft: true`. */
  eleventyDataDraft: string;
  formerSiteUnpublished(key: string, value: string): string;
  formerSiteFutureDate(key: string, value: string): string;
  formerSiteExpired(key: string, value: string): string;

  // The generator's tags in a post's body (src/editor/import-markup.ts)
  captionsKept(n: number): string;
  linksReduced(n: number): string;
  tagsRemoved(tags: readonly string[]): string;

  // Any entry of an export, a feed or a site (src/editor/import-item.ts, import-post.ts)
  /** Why the article is a draft, and how to publish it. */
  draft(reasons: readonly string[]): string;
  implausibleDate(evidence: string): string;
  /** A scheduled post's date, further ahead than the archive takes one: kept in the note, no other date put in its place. */
  scheduledTooFar(evidence: string): string;
  noBody: string;
  /** A feed item whose body is only the feed's short summary (`<description>`, `<summary>`). */
  feedSummaryOnly(element: string): string;

  // What extraction left for the editor (src/editor/to-markdown.ts)
  provisionalTitle: string;
  missingDate: string;
  missingDateWithCandidates(evidence: string | undefined, dates: readonly string[]): string;
  datePrecision(precision: "month" | "year", evidence: string): string;
  unknownOutlet: string;
  unknownNames(names: readonly string[]): string;

  // Duplicates and failures (src/editor/known-articles.ts, place-article.ts)
  sameUrl(url: string): string;
  sameFormerAddress(path: string): string;
  /** Another post of the same site listed this old address too: the first imported keeps it. */
  formerAddressTaken(path: string, file: string): string;
  sameTitleAndText: string;
  /** A post of a site at an address of its own with the title and text of another post at another: imported, for the editor to judge. */
  sameTitleAndTextElsewhere(file: string): string;
  nearlySameText(percent: number): string;
  /** A post of an archive with an address of its own whose text the archive has: imported, for the editor to judge. */
  likeness(percent: number, file: string): string;
  noTextFound: string;

  /** The line that ends an import: every entry read is imported, a duplicate, or skipped by kind (`skipped`: kind → count). */
  summary(counts: { imported: number; drafts: number; duplicates: number; skipped: ReadonlyMap<string, number> }, dryRun: boolean): string;
}

/** WordPress post types, and the kinds of skipped entries the summary counts, as [one, many]. */
const KINDS_FR: Readonly<Record<string, readonly [string, string]>> = {
  page: ["page", "pages"],
  attachment: ["pièce jointe", "pièces jointes"],
  nav_menu_item: ["élément de menu", "éléments de menu"],
  revision: ["révision", "révisions"],
  wp_block: ["bloc réutilisable", "blocs réutilisables"],
  trash: ["à la corbeille", "à la corbeille"],
  "auto-draft": ["brouillon automatique", "brouillons automatiques"],
  failed: ["en erreur", "en erreur"],
  "list-page": ["page de liste", "pages de liste"],
  "bundle-resource": ["fichier joint", "fichiers joints"],
  "no-front-matter": ["fichier sans en-tête", "fichiers sans en-tête"],
  "collection-document": ["document de collection", "documents de collection"],
  "format-not-read": ["fichier d’un format non lu", "fichiers d’un format non lu"],
};

const KINDS_EN: Readonly<Record<string, readonly [string, string]>> = {
  page: ["page", "pages"],
  attachment: ["attachment", "attachments"],
  nav_menu_item: ["menu item", "menu items"],
  revision: ["revision", "revisions"],
  wp_block: ["reusable block", "reusable blocks"],
  trash: ["in the trash", "in the trash"],
  "auto-draft": ["auto-draft", "auto-drafts"],
  failed: ["failed", "failed"],
  "list-page": ["list page", "list pages"],
  "bundle-resource": ["bundle file", "bundle files"],
  "no-front-matter": ["file without front matter", "files without front matter"],
  "collection-document": ["collection document", "collection documents"],
  "format-not-read": ["file in a format not read", "files in a format not read"],
};

/** The post types a WordPress export's skipped entries are named by. */
const POST_TYPES = new Set(["page", "attachment", "nav_menu_item", "revision", "wp_block"]);

/** A key of a table, never a property every object inherits (`constructor`): kinds and statuses come from the export. */
const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

const WORDPRESS_STATUS_FR: Readonly<Record<string, string>> = {
  draft: "brouillon dans WordPress",
  pending: "en attente de relecture dans WordPress",
  private: "article privé dans WordPress",
  future: "publication programmée dans WordPress",
};

const WORDPRESS_STATUS_EN: Readonly<Record<string, string>> = {
  draft: "draft in WordPress",
  pending: "pending review in WordPress",
  private: "private post in WordPress",
  future: "scheduled post in WordPress",
};

/** Skipped kinds, most frequent first, then by name. */
const byCount = (skipped: ReadonlyMap<string, number>) => [...skipped].sort(([a, n], [b, m]) => m - n || a.localeCompare(b));
const sum = (skipped: ReadonlyMap<string, number>) => [...skipped.values()].reduce((total, n) => total + n, 0);

const fr: ImportNotes = {
  toCheckComment: (note) => `# À VÉRIFIER : ${note}`,

  archiveTooLarge: (megabytes) => `fichier de plus de ${megabytes} Mo : exportez-le en plusieurs parties`,
  archiveUnreadable: (error) => `fichier illisible : ${error}`,
  xmlMalformed: (line, message) => `XML mal formé, ligne ${line} : ${message}`,
  notAnArchive: (root) => `ni un export WordPress, ni un flux RSS ou Atom (élément racine <${root}>)`,

  wordpressUnpublished: (status) => own(WORDPRESS_STATUS_FR, status) ?? `statut « ${status} » dans WordPress`,
  wordpressPasswordProtected: "article protégé par un mot de passe dans WordPress",
  notAPost: (type, title) => `${POST_TYPES.has(type) ? KINDS_FR[type]?.[0] : `contenu de type « ${type} »`}${titled(title)} : seuls les articles (post) sont importés`,
  trashed: (title) => `article${titled(title)} à la corbeille dans WordPress`,
  autoDraft: (title) => `brouillon automatique${titled(title)}, jamais enregistré par son auteur`,
  shortcodesRemoved: (shortcodes) => `shortcodes WordPress retirés du texte avec ce qu’ils affichaient (vidéo, galerie, formulaire…) : ${shortcodes.join(", ")} ; ajoutez un lien ou une image s’ils comptent`,
  mediaRemoved: ({ images, videos, frames }) =>
    `médias retirés du texte (leurs légendes restent) : ${[images && `${images} image${images > 1 ? "s" : ""}`, videos && `${videos} vidéo${videos > 1 ? "s" : ""}`, frames && `${frames} contenu${frames > 1 ? "s" : ""} intégré${frames > 1 ? "s" : ""}`].filter(Boolean).join(", ")} ; \`image:\` donne l’image principale de l’article`,

  hugoListPage: "page de liste de Hugo (_index.md), pas un article",
  hugoHeadless: "dossier de Hugo sans page (`headless: true` ou `build: { render: never }`), pas un article",
  bundleResource: (folder) => `fichier joint du dossier ${folder}/ (index.md est l’article)`,
  homePage: "page d’accueil du site, pas un article",
  pageOutsideSection: "page hors section (content/), pas un article : importez-la seule si c’en est un",
  hugoOtherSection: (section, main, folder) => `page de la section ${section}/, que le site ne compte pas parmi ses sections principales (mainSections : ${main.join(", ")}) : si elle tient des articles, importez-la seule (npm run import -- ${folder})`,
  jekyllPage: "page de Jekyll hors de _posts/, pas un article : importez-la seule si c’en est un",
  jekyllCollection: (collection, folder) => `document de la collection ${collection}/ de Jekyll, pas un billet : si elle tient des articles, importez-la seule (npm run import -- ${folder})`,
  formatNotRead: (extension) => `format ${extension} non lu par Revue : convertissez-le en Markdown (pandoc, par exemple) et importez le fichier obtenu`,
  eleventyNoFrontMatter: "fichier Markdown sans en-tête : Eleventy en fait une page, pas un article",
  eleventyPage: "page d’Eleventy sans date ni `tags`, pas un article : ajoutez `date:` et importez-la seule si c’en est un",
  sourceProblem: (problem) => {
    const { message, fix } = diagnosticText(problem, "fr");
    return `${problem.line ? `ligne ${problem.line} : ` : ""}${message}${fix ? ` (${fix})` : ""}`;
  },
  unreadableDate: (key, value) => `date illisible (\`${key}: ${value}\`) : écrivez \`date: AAAA-MM-JJ\``,
  dateFromKeyword: (key, value, from) =>
    from === "git" ? `date tirée de \`${key}: ${value}\` (Eleventy) : celle du commit dans l’historique git du fichier` : `date tirée de \`${key}: ${value}\` (Eleventy) : celle du fichier, sans son historique git ; vérifiez-la, une copie la change`,
  unreadableModified: (key, value) => `date de mise à jour illisible (\`${key}: ${value}\`), non reprise`,
  droppedKeys: (keyValues) => `clés de l’en-tête non reprises : ${keyValues.join(", ")}`,
  keyWrittenTwice: (key, firstLine, line) => `\`${key}\` écrit deux fois dans l’en-tête de la source (lignes ${firstLine} et ${line}) : la seconde valeur est reprise`,
  formerAddressUnknown: "ancienne adresse inconnue : l’ancien site la calculait (fichier JavaScript, gabarit) d’une façon que Revue ne refait pas ; ajoutez-la à `aliases` pour qu’elle mène ici",
  jekyllNoPage: (collection) => `pas de page sur l’ancien site : la collection ${collection} n’en faisait pas (pas de \`output: true\` dans _config.yml), donc pas d’ancienne adresse à rediriger`,
  formerPrefix: (prefix) => `ancien site publié sous ${prefix} : ses anciennes adresses ne mènent ici que si l’archive est publiée sous ce chemin (\`path_prefix: ${prefix}\` dans site.yml)`,
  bundleFiles: (folder, files) => `fichiers du dossier ${folder}/ non copiés (${files.join(", ")}) : placez les images sous content/ ou à une adresse https et corrigez leurs liens`,
  jekyllDraft: "brouillon de Jekyll (dossier _drafts/)",
  formerSiteDraft: "brouillon sur l’ancien site (`draft: true`)",
  queryAddress: (address) => `ancienne adresse à paramètre (${address}) : une page statique ne peut pas la rediriger ; réglez la redirection sur le serveur de l’ancien site`,
  eleventyDataNotWritten: "page qu’Eleventy n’écrivait pas (`permalink: false` dans un fichier de données de son dossier)",
  eleventyDataDraft: "brouillon sur l’ancien site (`draft: true` dans un fichier de données de son dossier)",
  formerSiteUnpublished: (key, value) => `non publié sur l’ancien site (\`${key}: ${value}\`)`,
  formerSiteFutureDate: (key, value) => `date à venir sur l’ancien site (\`${key}: ${value}\`), jamais publié`,
  formerSiteExpired: (key, value) => `retiré de l’ancien site à son expiration (\`${key}: ${value}\`)`,

  captionsKept: (n) => `${n === 1 ? "légende d’image gardée" : `${n} légendes d’images gardées`} comme texte, sans l’image : ajoutez l’image si elle compte`,
  linksReduced: (n) => `${n === 1 ? "lien vers un autre article réduit à ses mots" : `${n} liens vers d’autres articles réduits à leurs mots`} (l’adresse venait du générateur)`,
  tagsRemoved: (tags) => `balises du générateur retirées du texte : ${tags.join(", ")}`,

  draft: (reasons) => `${reasons.join(" ; ")} : retirez \`draft: true\` pour le publier`,
  implausibleDate: (evidence) => `date de la source invraisemblable (${evidence}) : ajoutez \`date: AAAA-MM-JJ\``,
  scheduledTooFar: (evidence) => `date de publication programmée dans WordPress (${evidence}), trop lointaine pour l’archive qui n’accepte pas de date au-delà de l’an prochain : écrivez-la en \`date:\` quand l’article paraîtra`,
  noBody: "aucun texte dans la source : ajoutez le corps de l'article",
  feedSummaryOnly: (element) => `texte court, le résumé du flux (<${element}>) et non l’article : importez la page de l’article (enregistrée en HTML) pour en garder tout le texte`,

  provisionalTitle: "titre provisoire (la source commence dans l'article) : écrivez le vrai titre puis retirez `draft: true`",
  missingDate: "date absente de la source : ajoutez `date: AAAA-MM-JJ`",
  missingDateWithCandidates: (evidence, dates) => `date absente de la source ; dates possibles d'après « ${evidence} » : ${dates.join(", ")}`,
  datePrecision: (precision, evidence) => `date connue au ${precision === "month" ? "mois" : "an"} près seulement (${evidence})`,
  unknownOutlet: "média non reconnu : ajoutez `outlet:`",
  unknownNames: (names) => `noms absents de la base (npm run actors:suggest) : ${names.join(", ")}`,

  sameUrl: (url) => `même URL ${url}`,
  sameFormerAddress: (path) => `même ancienne adresse ${path}`,
  formerAddressTaken: (path, file) => `ancienne adresse ${path} déjà donnée à ${file}, un autre article : elle mène à celui-là`,
  sameTitleAndText: "même titre et même texte",
  sameTitleAndTextElsewhere: (file) => `même titre et même texte que ${file}, à une autre adresse : supprimez l’un des deux s’ils sont le même article`,
  nearlySameText: (percent) => `texte presque identique (${percent} %)`,
  likeness: (percent, file) => `texte presque identique (${percent} %) à ${file}, à une autre adresse : supprimez l’un des deux s’ils sont le même article`,
  noTextFound: "aucun texte trouvé dans la source",

  summary: (counts, dryRun) => {
    const skipped = sum(counts.skipped);
    const read = counts.imported + counts.duplicates + skipped;
    const drafts = counts.drafts ? ` (dont ${count("fr", counts.drafts, "brouillon", "brouillons")})` : "";
    const kinds = byCount(counts.skipped).map(([kind, n]) => {
      const [one, many] = own(KINDS_FR, kind) ?? [`contenu de type « ${kind} »`, `contenus de type « ${kind} »`];
      return count("fr", n, one, many);
    });
    const ignored = `${count("fr", skipped, "ignoré", "ignorés")}${kinds.length ? ` (${kinds.join(", ")})` : ""}`;
    const trial = dryRun ? " — essai : rien n’a été écrit" : "";
    return `${count("fr", read, "lu", "lus")} : ${count("fr", counts.imported, "importé", "importés")}${drafts}, ${count("fr", counts.duplicates, "doublon", "doublons")}, ${ignored}${trial}`;
  },
};

const en: ImportNotes = {
  toCheckComment: (note) => `# TO CHECK: ${note}`,

  archiveTooLarge: (megabytes) => `file larger than ${megabytes} MB: export it in several parts`,
  archiveUnreadable: (error) => `unreadable file: ${error}`,
  xmlMalformed: (line, message) => `malformed XML, line ${line}: ${message}`,
  notAnArchive: (root) => `neither a WordPress export nor an RSS or Atom feed (root element <${root}>)`,

  wordpressUnpublished: (status) => own(WORDPRESS_STATUS_EN, status) ?? `status "${status}" in WordPress`,
  wordpressPasswordProtected: "password-protected post in WordPress",
  notAPost: (type, title) => `${POST_TYPES.has(type) ? KINDS_EN[type]?.[0] : `content of type "${type}"`}${quoted(title)}: only posts are imported`,
  trashed: (title) => `post${quoted(title)} in the WordPress trash`,
  autoDraft: (title) => `auto-draft${quoted(title)}, never saved by its author`,
  shortcodesRemoved: (shortcodes) => `WordPress shortcodes removed from the text with what they showed (video, gallery, form…): ${shortcodes.join(", ")}; add a link or an image if they matter`,
  mediaRemoved: ({ images, videos, frames }) =>
    `media removed from the text (their captions stay): ${[images && `${images} image${images > 1 ? "s" : ""}`, videos && `${videos} video${videos > 1 ? "s" : ""}`, frames && `${frames} embedded frame${frames > 1 ? "s" : ""}`].filter(Boolean).join(", ")}; \`image:\` sets the article's lead image`,

  hugoListPage: "Hugo list page (_index.md), not an article",
  hugoHeadless: "Hugo bundle without a page (`headless: true` or `build: { render: never }`), not an article",
  bundleResource: (folder) => `file of the folder ${folder}/ (index.md is the article)`,
  homePage: "the site's home page, not an article",
  pageOutsideSection: "page outside any section (content/), not an article: import it on its own if it is one",
  hugoOtherSection: (section, main, folder) => `page of the section ${section}/, which the site does not count among its main sections (mainSections: ${main.join(", ")}): if it holds articles, import it on its own (npm run import -- ${folder})`,
  jekyllPage: "Jekyll page outside _posts/, not an article: import it on its own if it is one",
  jekyllCollection: (collection, folder) => `document of the Jekyll collection ${collection}/, not a post: if it holds articles, import it on its own (npm run import -- ${folder})`,
  formatNotRead: (extension) => `Revue does not read the ${extension} format: convert it to Markdown (with pandoc, for one) and import the result`,
  eleventyNoFrontMatter: "Markdown file without front matter: Eleventy makes it a page, not an article",
  eleventyPage: "Eleventy page with neither a date nor `tags`, not an article: add `date:` and import it on its own if it is one",
  sourceProblem: (problem) => {
    const { message, fix } = diagnosticText(problem, "en");
    return `${problem.line ? `line ${problem.line}: ` : ""}${message}${fix ? ` (${fix})` : ""}`;
  },
  unreadableDate: (key, value) => `unreadable date (\`${key}: ${value}\`): write \`date: YYYY-MM-DD\``,
  dateFromKeyword: (key, value, from) =>
    from === "git" ? `date from \`${key}: ${value}\` (Eleventy): the commit's, in the file's git history` : `date from \`${key}: ${value}\` (Eleventy): the file's own, without its git history; check it, a copy changes it`,
  unreadableModified: (key, value) => `unreadable date of last change (\`${key}: ${value}\`), left out`,
  droppedKeys: (keyValues) => `front matter keys not kept: ${keyValues.join(", ")}`,
  keyWrittenTwice: (key, firstLine, line) => `\`${key}\` written twice in the source's front matter (lines ${firstLine} and ${line}): the second value is imported`,
  formerAddressUnknown: "former address unknown: the former site computed it (a JavaScript file, a template) in a way Revue does not redo; add it to `aliases` so that it leads here",
  jekyllNoPage: (collection) => `no page on the former site: the collection ${collection} made none (no \`output: true\` in _config.yml), so no former address to redirect`,
  formerPrefix: (prefix) => `former site published under ${prefix}: its old addresses lead here only if the archive is published under that path (\`path_prefix: ${prefix}\` in site.yml)`,
  bundleFiles: (folder, files) => `files of the folder ${folder}/ not copied (${files.join(", ")}): put the images under content/ or at an https address and correct their links`,
  jekyllDraft: "Jekyll draft (_drafts/ folder)",
  formerSiteDraft: "draft on the former site (`draft: true`)",
  queryAddress: (address) => `former address with a query (${address}): no static page can redirect it; set the redirect up on the former site's server`,
  eleventyDataNotWritten: "a page Eleventy did not write (`permalink: false` in a data file of its folder)",
  eleventyDataDraft: "draft on the former site (`draft: true` in a data file of its folder)",
  formerSiteUnpublished: (key, value) => `not published on the former site (\`${key}: ${value}\`)`,
  formerSiteFutureDate: (key, value) => `future date on the former site (\`${key}: ${value}\`), never published`,
  formerSiteExpired: (key, value) => `removed from the former site when it expired (\`${key}: ${value}\`)`,

  captionsKept: (n) => `${n === 1 ? "image caption kept" : `${n} image captions kept`} as text, without the image: add the image if it matters`,
  linksReduced: (n) => `${n === 1 ? "link to another article reduced to its words" : `${n} links to other articles reduced to their words`} (the address came from the site generator)`,
  tagsRemoved: (tags) => `site generator tags removed from the text: ${tags.join(", ")}`,

  draft: (reasons) => `${reasons.join("; ")}: remove \`draft: true\` to publish it`,
  implausibleDate: (evidence) => `implausible date in the source (${evidence}): add \`date: YYYY-MM-DD\``,
  scheduledTooFar: (evidence) => `publication date scheduled in WordPress (${evidence}), too far ahead for the archive, which takes no date beyond next year: write it as \`date:\` when the article appears`,
  noBody: "no text in the source: add the article's body",
  feedSummaryOnly: (element) => `short text, the feed's summary (<${element}>) and not the article: import the article's page (saved as HTML) to keep its whole text`,

  provisionalTitle: "provisional title (the source starts inside the article): write the real title, then remove `draft: true`",
  missingDate: "no date in the source: add `date: YYYY-MM-DD`",
  missingDateWithCandidates: (evidence, dates) => `no date in the source; possible dates from "${evidence}": ${dates.join(", ")}`,
  datePrecision: (precision, evidence) => `date known to the ${precision} only (${evidence})`,
  unknownOutlet: "outlet not recognised: add `outlet:`",
  unknownNames: (names) => `names not in the knowledge base (npm run actors:suggest): ${names.join(", ")}`,

  sameUrl: (url) => `same URL ${url}`,
  sameFormerAddress: (path) => `same former address ${path}`,
  formerAddressTaken: (path, file) => `former address ${path} already given to ${file}, another article: it leads there`,
  sameTitleAndText: "same title and text",
  sameTitleAndTextElsewhere: (file) => `same title and text as ${file}, at another address: delete one of the two if they are the same article`,
  nearlySameText: (percent) => `nearly the same text (${percent}% alike)`,
  likeness: (percent, file) => `nearly the same text (${percent}%) as ${file}, at another address: delete one of the two if they are the same article`,
  noTextFound: "no text found in the source",

  summary: (counts, dryRun) => {
    const skipped = sum(counts.skipped);
    const read = counts.imported + counts.duplicates + skipped;
    const drafts = counts.drafts ? ` (${count("en", counts.drafts, "draft", "drafts")})` : "";
    const kinds = byCount(counts.skipped).map(([kind, n]) => {
      const [one, many] = own(KINDS_EN, kind) ?? [`entry of type "${kind}"`, `entries of type "${kind}"`];
      return count("en", n, one, many);
    });
    const trial = dryRun ? " — dry run: nothing was written" : "";
    return `${read} read: ${counts.imported} imported${drafts}, ${count("en", counts.duplicates, "duplicate", "duplicates")}, ${skipped} skipped${kinds.length ? ` (${kinds.join(", ")})` : ""}${trial}`;
  },
};

/** A WordPress entry's title after its kind, in French guillemets; nothing when it has none. */
function titled(title: string): string {
  return title ? ` « ${title} »` : "";
}

/** The same in English quotes. */
function quoted(title: string): string {
  return title ? ` "${title}"` : "";
}

export function importNotes(lang: EditorLang): ImportNotes {
  return lang === "en" ? en : fr;
}
