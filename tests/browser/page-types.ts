/** One page of every type the site has. */
export const PAGE_TYPES: Record<string, string> = {
  home: "/",
  article: "/articles/2020/abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis/",
  person: "/personnes/abdellatif-hammouchi/",
  agency: "/institutions/dgst/",
  topic: "/sujets/diplomatie/",
  place: "/lieux/maroc/",
  outlet: "/medias/bladi/",
  "people index": "/personnes/",
  "agencies index": "/institutions/",
  archives: "/archives/",
  year: "/archives/2020/",
  month: "/archives/2020/09/",
  network: "/reseau/",
  search: "/recherche/",
  "open data": "/donnees/",
  "not found": "/404.html",
};
