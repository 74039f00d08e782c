import { entry } from "./diagnostic-entry.ts";

/**
 * The texts of the diagnostics made while a record becomes an article of the archive
 * (src/archive: front-matter keys of other generators, addresses, redirects, titles),
 * merged into the catalogue of ./diagnostics.ts.
 */

/** Why a front-matter value of a known key is ignored (src/archive/front-matter-keys.ts): its words and the fix, in each language. */
export type FrontMatterValueProblem =
  | "not-a-text"
  | "not-names"
  | "not-site-paths"
  | "computed-date"
  | "not-published-or-date"
  | "not-an-address"
  | "template"
  | "not-a-site-path"
  | "not-url-or-path"
  | "not-images"
  | "not-an-image"
  | "not-terms";

const VALUE_PROBLEMS: Readonly<Record<FrontMatterValueProblem, (written: string) => { en: [string, string]; fr: [string, string] }>> = {
  "not-a-text": () => ({
    en: ["is not a text", "Write one text, in quotes if it holds `:` or `#`."],
    fr: ["n’est pas un texte", "Écrivez un seul texte, entre guillemets s’il contient `:` ou `#`."],
  }),
  "not-names": () => ({
    en: ["is not a name or a list of names", "Write the byline (`author: Nadia Benali`), or a list of names."],
    fr: ["n’est ni un nom ni une liste de noms", "Écrivez la signature (`author: Nadia Benali`), ou une liste de noms."],
  }),
  "not-site-paths": () => ({
    en: ["holds an address that is not a path from the site's root", "Write each former address as a path from the site's root (`/2019/05/04/titre/`), without `..`, `?` or `#`."],
    fr: ["contient une adresse qui n’est pas un chemin depuis la racine du site", "Écrivez chaque ancienne adresse comme un chemin depuis la racine du site (`/2019/05/04/titre/`), sans `..`, `?` ni `#`."],
  }),
  "computed-date": (written) => ({
    en: [`asks Eleventy for the file's date (\`${written}\`)`, "Write the publication date (`date: YYYY-MM-DD`), or name the file `YYYY-MM-DD-titre.md`."],
    fr: [`demande à Eleventy la date du fichier (\`${written}\`)`, "Écrivez la date de publication (`date: AAAA-MM-JJ`), ou nommez le fichier `AAAA-MM-JJ-titre.md`."],
  }),
  "not-published-or-date": () => ({
    en: ["is neither true/false nor a date", "Write `published: false` for a draft, or the publication date as `date: YYYY-MM-DD`."],
    fr: ["n’est ni true/false ni une date", "Écrivez `published: false` pour un brouillon, ou la date de publication sous la forme `date: AAAA-MM-JJ`."],
  }),
  "not-an-address": () => ({
    en: ["is not an address", "Write the page's path from the site's root (`/2023/05/titre/`)."],
    fr: ["n’est pas une adresse", "Écrivez le chemin de la page depuis la racine du site (`/2023/05/titre/`)."],
  }),
  template: () => ({
    en: ["is a pattern its site generator filled in (`{{ … }}`, `:title`), which Revue does not run", "Remove it: the article's address comes from its file name, or write the path itself (`/2023/05/titre/`)."],
    fr: ["est un modèle que son générateur de site remplissait (`{{ … }}`, `:title`), ce que Revue ne fait pas", "Retirez-le : l’adresse de l’article vient du nom de son fichier ; ou écrivez le chemin lui-même (`/2023/05/titre/`)."],
  }),
  "not-a-site-path": () => ({
    en: ["is not a path Revue can publish", "Write the page's path from the site's root (`/2023/05/titre/`), without `..`, `?` or `#`."],
    fr: ["n’est pas un chemin que Revue peut publier", "Écrivez le chemin de la page depuis la racine du site (`/2023/05/titre/`), sans `..`, `?` ni `#`."],
  }),
  "not-url-or-path": () => ({
    en: ["is neither an http(s) address nor a path from the site's root", "Write the page's path (`/2023/05/titre/`), or the original's address in `url:`."],
    fr: ["n’est ni une adresse http(s) ni un chemin depuis la racine du site", "Écrivez le chemin de la page (`/2023/05/titre/`), ou l’adresse de l’article d’origine dans `url:`."],
  }),
  "not-images": () => ({
    en: ["is not a list of images", "Write a list of image addresses, the article's image first."],
    fr: ["n’est pas une liste d’images", "Écrivez une liste d’adresses d’images, celle de l’article en premier."],
  }),
  "not-an-image": () => ({
    en: ["is not an image's http(s) address or path from the site's root", "Write the image's full address (`https://…`) or its path on the site (`/images/photo.jpg`)."],
    fr: ["n’est ni l’adresse http(s) d’une image ni un chemin depuis la racine du site", "Écrivez l’adresse complète de l’image (`https://…`) ou son chemin sur le site (`/images/photo.jpg`)."],
  }),
  "not-terms": () => ({
    en: ["is not a list of names", "Write a list (`[économie, santé]`, or one `- name` per line), or names separated by commas."],
    fr: ["n’est pas une liste de noms", "Écrivez une liste (`[économie, santé]`, ou un `- nom` par ligne), ou des noms séparés par des virgules."],
  }),
};

/** The alphabets of a look-alike word (src/text/confusables.ts names them in English), in French: « lettres latines et cyrilliques ». */
const SCRIPTS_FR: Readonly<Record<string, string>> = { Latin: "latines", "fullwidth Latin": "latines pleine chasse", Greek: "grecques", Cyrillic: "cyrilliques" };
const scriptsFr = (scripts: string) =>
  scripts
    .split("|")
    .map((script) => SCRIPTS_FR[script] ?? script)
    .join(" et ");

type AliasTaken = "page" | "list" | "own-page" | "redirect";

export const ARCHIVE_TEXTS = {
  // Front-matter keys of other generators (src/archive/front-matter-keys.ts)
  "front-matter-key-value": entry<{ key: string; problem: FrontMatterValueProblem; written: string }>(
    (p) => {
      const [problem, fix] = VALUE_PROBLEMS[p.problem](p.written).en;
      return { message: `\`${p.key}\` ${problem}: Revue ignores it`, fix };
    },
    (p) => {
      const [problem, fix] = VALUE_PROBLEMS[p.problem](p.written).fr;
      return { message: `\`${p.key}\` ${problem} : Revue l’ignore`, fix };
    },
  ),
  // Addresses and redirects (src/archive/article-address.ts, article-addresses.ts)
  "permalink-not-a-page": entry<{ permalink: string; ownSection: number }>(
    (p) => ({
      message: `the permalink ${p.permalink} is ${p.ownSection ? "in one of this site's own sections (its feeds, files and pages under /articles/ are placed by Revue)" : "not the path of a page"}: the article is published at its file name's address`,
      fix: "Write a page's path outside Revue's sections (`/2019/05/titre/` or `/2019/titre.html`), or remove the line and list the old path in `aliases:` to redirect it there.",
    }),
    (p) => ({
      message: `le permalien ${p.permalink} ${p.ownSection ? "est dans l’une des sections propres au site (ses flux, ses fichiers et les pages sous /articles/ sont placés par Revue)" : "n’est pas le chemin d’une page"} : l’article est publié à l’adresse tirée du nom de son fichier`,
      fix: "Écrivez le chemin d’une page hors des sections de Revue (`/2019/05/titre/` ou `/2019/titre.html`), ou retirez la ligne et listez l’ancien chemin dans `aliases:` pour qu’il redirige vers l’article.",
    }),
  ),
  "duplicate-slug": entry<{ permalink: number; value: string; other: string; otherLine: number; key: string; file: string }>(
    (p) => ({
      message: `the ${p.permalink ? `permalink ${p.value}` : `slug \`${p.value}\``} is also asked for by ${p.other}${p.otherLine ? ` (line ${p.otherLine})` : ""}: two pages cannot have one address`,
      fix: `Give one of ${p.file} and ${p.other} another \`${p.key}:\`, or remove the line to publish it at its file name's address.`,
    }),
    (p) => ({
      message: `${p.permalink ? `le permalien ${p.value}` : `le slug \`${p.value}\``} est aussi demandé par ${p.other}${p.otherLine ? ` (ligne ${p.otherLine})` : ""} : deux pages ne peuvent pas avoir la même adresse`,
      fix: `Donnez à ${p.file} ou à ${p.other} un autre \`${p.key}:\`, ou retirez la ligne pour le publier à l’adresse tirée du nom de son fichier.`,
    }),
  ),
  "alias-taken": entry<{ alias: string; why: AliasTaken; other: string }>(
    (p) => ({
      message: `the alias ${p.alias} ${{ page: `is the page of ${p.other}`, list: "is the former address of articles whose slugs are alike, which lists them", "own-page": "is one of this site's own pages", redirect: `is already a redirect to ${p.other}` }[p.why]}: no redirect is written there`,
      fix: "Remove the alias, or correct it to the page's former path.",
    }),
    (p) => ({
      message: `l’alias ${p.alias} ${{ page: `est la page de ${p.other}`, list: "est l’ancienne adresse d’articles aux slugs semblables, qui les liste", "own-page": "est l’une des pages propres au site", redirect: `redirige déjà vers ${p.other}` }[p.why]} : aucune redirection n’y est écrite`,
      fix: "Retirez l’alias, ou corrigez-le pour qu’il donne l’ancien chemin de la page.",
    }),
  ),
  // Titles (src/archive/look-alike-titles.ts)
  "title-look-alike": entry<{ words: readonly string[]; reads: readonly string[]; scripts: readonly string[] }>(
    (p) => ({
      message: `the title writes ${p.words.map((word, i) => `«${word}» (${(p.scripts[i] ?? "").split("|").join(" and ")} letters, read «${p.reads[i]}»)`).join(", ")} with look-alike letters of another alphabet: it reads as one word but is another text`,
      fix: "Retype the word in one alphabet (text copied from another site can bring letters of another one).",
    }),
    (p) => ({
      message: `le titre écrit ${p.words.map((word, i) => `« ${word} » (lettres ${scriptsFr(p.scripts[i] ?? "")}, à lire « ${p.reads[i]} »)`).join(", ")} avec des lettres d’un autre alphabet qui leur ressemblent : cela se lit comme un mot, mais c’est un autre texte`,
      fix: "Retapez le mot dans un seul alphabet (un texte copié d’un autre site peut apporter des lettres d’un autre alphabet).",
    }),
  ),
};
