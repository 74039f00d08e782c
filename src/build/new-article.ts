import { stringify } from "yaml";
import { slugify } from "../text/slug.ts";

/**
 * A new article with every front-matter field shown, commented in French, ready to fill.
 * `today` is passed in: the model never reads the clock.
 */
export function newArticleMarkdown(title: string, today: string): { slug: string; markdown: string } {
  const slug = slugify(title);
  const yaml = stringify({ title }, { lineWidth: 0 }).trimEnd();
  const markdown = `---
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
