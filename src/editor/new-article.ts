import { stringify } from "yaml";
import type { EditorLang } from "../messages/plural.ts";
import { slugify } from "../text/slug.ts";

/**
 * A new article with every front-matter field shown, commented in the site's language
 * (French by default), ready to fill. `today` is passed in: the model never reads the clock.
 */
export function newArticleMarkdown(title: string, today: string, lang: EditorLang = "fr"): { slug: string; markdown: string } {
  const slug = slugify(title);
  const yaml = stringify({ title }, { lineWidth: 0 }).trimEnd();
  const markdown = lang === "en" ? englishArticle(yaml, today) : `---
${yaml}
date: ${today}              # date de publication : AAAA-MM-JJ (ou AAAA-MM, AAAA si seulement connue ainsi)
date_evidence: ""           # d'où vient la date : la ligne de date de l'article, l'URL…
outlet: ""                  # le média : son identifiant (fichier de content/outlets/), son nom ou son domaine
url: ""                     # l'adresse de l'article original
summary: ""                 # une ou deux phrases pour les listes ; sinon le premier paragraphe
# Personnes, institutions, lieux et sujets sont extraits du texte. Une liste écrite ici
# remplace l'extraction ; « add » ajoute à ce qui est extrait, « remove » retire.
people: []
agencies: []
places: []
topics: []
add: []
remove: []
authors: []
draft: true                 # retirez cette ligne (ou mettez false) pour publier
---

Le texte de l'article, en Markdown.
`;
  return { slug, markdown };
}

function englishArticle(yaml: string, today: string): string {
  return `---
${yaml}
date: ${today}              # publication date: YYYY-MM-DD (or YYYY-MM, YYYY when only that is known)
date_evidence: ""           # where the date comes from: the article's dateline, the URL…
outlet: ""                  # the outlet: its id (a file of content/outlets/), its name or its domain
url: ""                     # the original article's address
summary: ""                 # a sentence or two for the lists; otherwise the first paragraph
# People, institutions, places and topics are extracted from the text. A list written here
# replaces extraction; "add" adds to what is extracted, "remove" takes out.
people: []
agencies: []
places: []
topics: []
add: []
remove: []
authors: []
draft: true                 # remove this line (or set it to false) to publish
---

The article's text, in Markdown.
`;
}
