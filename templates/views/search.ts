import type { SearchPage, SiteShared } from "../../src/site/site-data.ts";
import { SEARCH_VOCABULARY_URL } from "../../src/search/vocabulary.ts";
import { html, type Markup } from "../html.ts";

/**
 * The search page: a form, a status line, the results and the filter groups, driven by
 * templates/assets/search.js over Pagefind's JavaScript API. The script reads what it needs
 * from the form's data attributes: the path prefix, the index's bundles, the vocabulary
 * suggestions come from, the filter groups' headings and the messages it fills in. Without
 * JavaScript the form stays hidden and a note points to the indexes.
 */
export function searchView(site: SiteShared, view: SearchPage): Markup {
  const { strings } = site;
  // The index's filters by name, in the order their groups are shown, with their headings.
  const groups = [
    { name: strings.filterPerson, heading: strings.people, kind: "person" },
    { name: strings.filterInstitution, heading: strings.agencies, kind: "institution" },
    { name: strings.filterActor, heading: strings.actors, kind: "actor" },
    { name: strings.filterTopic, heading: strings.topics, kind: "topic" },
    { name: strings.filterOutlet, heading: strings.outlets, kind: "outlet" },
    { name: strings.filterYear, heading: strings.years, kind: "year" },
  ];
  const messages = {
    searching: strings.searchSearching,
    resultOne: strings.searchResultOne,
    resultMany: strings.searchResultMany,
    filteredOne: strings.searchFilteredOne,
    filteredMany: strings.searchFilteredMany,
    noResult: strings.searchNoResult,
    noFilteredResult: strings.searchNoFilteredResult,
    didYouMean: strings.searchDidYouMean,
    failed: strings.searchFailed,
  };
  const base = site.config.pathPrefix;
  return html`<h1>${strings.search}</h1>
<p class="lead">${strings.searchLead}</p>
<form id="search" class="search" role="search" aria-label="${strings.searchLabel}" method="get" hidden data-base="${base}" data-bundles="${view.bundles.join(" ")}" data-vocabulary="${base}${SEARCH_VOCABULARY_URL.slice(1)}" data-lang="${strings.lang}" data-groups="${JSON.stringify(groups)}" data-messages="${JSON.stringify(messages)}">
<label class="search-label" for="search-input">${strings.searchLabel}</label>
<div class="search-bar">
<input id="search-input" class="search-input" type="search" name="q" autocomplete="off" spellcheck="false">
<button type="submit">${strings.searchSubmit}</button>
</div>
<div class="search-layout">
<div id="search-filters" class="search-filters" role="group" aria-label="${strings.searchFilters}"></div>
<div class="search-main">
<div class="search-summary">
<p id="search-status" class="search-status" role="status" data-state="loading"></p>
<p class="search-sort"><label for="search-sort">${strings.searchSortBy}</label> <select id="search-sort" name="tri"><option value="">${strings.searchByRelevance}</option><option value="date">${strings.searchByDate}</option></select></p>
</div>
<p id="search-suggestion" class="search-suggestion" hidden></p>
<ol id="search-results" class="search-results"></ol>
<button id="search-more" class="search-more" type="button" hidden>${strings.searchMore}</button>
</div>
</div>
</form>
<noscript><p>${strings.searchNoScript}</p></noscript>`;
}
