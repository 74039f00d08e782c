// The search page (templates/views/search.ts), on Pagefind's JavaScript API: a field, a status
// line, results with their date and outlet, a sort, filter groups, suggestions for misspelt
// words, and the search in the address (?q=…&personne=…&tri=date) so that Back and a shared
// link keep it. A module file, not inline script, for the Content-Security-Policy.
//
// The status line's `data-state` says what the page shows: "loading" until the index is ready
// and while a search runs, "done" once the answer to the query in `data-query` (results,
// filters, suggestion) is all shown, "idle" when ready without a query or filter, "error" when
// the index could not load. Tests wait on it, never on how results look while they load.

/** Results shown at once, and checked at once against the query (see `genuineMatch`). */
const PAGE = 10;
/** How long typing must pause before a search runs, in milliseconds. */
const TYPING_PAUSE = 200;
const SORT_PARAM = "tri";
const QUERY_PARAM = "q";

function start(form) {
  const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const input = /** @type {HTMLInputElement} */ ($("search-input"));
  const sortSelect = /** @type {HTMLSelectElement} */ ($("search-sort"));
  const status = $("search-status");
  const list = $("search-results");
  const more = $("search-more");
  const suggestionLine = $("search-suggestion");
  const filterBox = $("search-filters");
  const base = form.dataset.base || "/";
  const bundles = (form.dataset.bundles || "pagefind/").split(" ").filter(Boolean);
  const lang = form.dataset.lang || document.documentElement.lang || "fr";
  const messages = JSON.parse(form.dataset.messages || "{}");
  /** The filter groups, in order: the filter's name in the index, its heading, its kind ("year", "outlet"…). */
  const groups = JSON.parse(form.dataset.groups || "[]");
  const collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
  const wide = window.matchMedia("(min-width: 48rem)");
  /** Whether each filter group is open, once the reader has opened or closed it. */
  const openGroups = new Map();
  form.hidden = false;

  // Pagefind's search code comes from the primary bundle; the other bundles' indexes are merged
  // into it. Each bundle's pages carry a filter naming their bundle (Pagefind's `mergeFilter`),
  // for the sort by date (see `byDate`); it is not shown. A search waits for every filter of
  // every bundle: a search counts results only under the filter chunks already loaded, so one
  // typed early would show some groups only.
  let ready = false;
  const engine = (async () => {
    const pagefind = await import(`${base}${bundles[0]}pagefind.js`);
    await pagefind.options({ baseUrl: base, mergeFilter: { [BUNDLE_FILTER]: "0" } });
    for (const [i, bundle] of bundles.entries()) {
      if (i > 0) await pagefind.mergeIndex(`${base}${bundle}`, { baseUrl: base, mergeFilter: { [BUNDLE_FILTER]: String(i) } });
    }
    const totals = withoutBundles(await pagefind.filters());
    ready = true;
    return { pagefind, totals };
  })();

  /** @type {{query: string, sort: string, filters: Record<string, string[]>}} */
  let state = stateFromUrl();
  let generation = 0;
  let vocabulary;

  showState(state);
  run({ typing: false });

  // Typing edits one entry of the history: its first keystroke adds it (the search before stays
  // one Back away), the next ones replace it.
  let typing = false;
  input.addEventListener("input", () => {
    const searched = location.search !== "";
    state = { ...state, query: input.value };
    if (typing || !searched) history.replaceState(null, "", urlOf(state));
    else history.pushState(null, "", urlOf(state));
    typing = true;
    run({ typing: true });
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    change({ ...state, query: input.value });
  });
  sortSelect.addEventListener("change", () => change({ ...state, sort: sortSelect.value }));
  filterBox.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
    const values = new Set(state.filters[box.name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    const filters = { ...state.filters, [box.name]: [...values] };
    if (values.size === 0) delete filters[box.name];
    change({ ...state, query: input.value, filters });
  });
  filterBox.addEventListener("toggle", (event) => {
    const group = event.target;
    if (group instanceof HTMLDetailsElement && group.dataset.filter) openGroups.set(group.dataset.filter, group.open);
  }, true);
  window.addEventListener("popstate", () => {
    typing = false;
    state = stateFromUrl();
    showState(state);
    run({ typing: false });
  });

  /** A search the reader asked for: a new entry in the history, so Back returns to the one before. */
  function change(next) {
    typing = false;
    state = next;
    const url = urlOf(state);
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, "", url);
    run({ typing: false });
  }

  function stateFromUrl() {
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const [name, value] of params) {
      if (name === QUERY_PARAM || name === SORT_PARAM || value === "") continue;
      (filters[name] ??= []).push(value);
    }
    return { query: params.get(QUERY_PARAM) ?? "", sort: params.get(SORT_PARAM) === "date" ? "date" : "", filters };
  }

  function urlOf({ query, sort, filters }) {
    const params = new URLSearchParams();
    if (query.trim()) params.set(QUERY_PARAM, query.trim());
    if (sort) params.set(SORT_PARAM, sort);
    for (const [name, values] of Object.entries(filters)) for (const value of values) params.append(name, value);
    const search = params.toString();
    return `${location.pathname}${search ? `?${search}` : ""}`;
  }

  function showState({ query, sort }) {
    if (input.value !== query) input.value = query;
    sortSelect.value = sort;
  }

  function setStatus(phase, query, text) {
    status.dataset.state = phase;
    status.dataset.query = query;
    if (text !== undefined && status.textContent !== text) status.textContent = text;
    list.setAttribute("aria-busy", String(phase === "loading"));
  }

  async function run({ typing }) {
    const id = ++generation;
    const current = state;
    const query = current.query.trim();
    // Said only while the index loads, the first time: later searches take a moment.
    setStatus("loading", query, ready || !query ? undefined : messages.searching);
    let loaded;
    try {
      loaded = await engine;
    } catch (error) {
      setStatus("error", query, messages.failed);
      console.error(error);
      return;
    }
    const { pagefind, totals } = loaded;
    if (id !== generation) return;
    // Only the filters the index has: a name in the address the index lacks is ignored.
    const filters = Object.fromEntries(Object.entries(current.filters).filter(([name]) => name in totals));
    const filtered = Object.keys(filters).length > 0;
    if (!query && !filtered) {
      showResults([], 0);
      showSuggestion(null);
      showFilters(totals, current.filters);
      setStatus("idle", "", "");
      return;
    }
    const answer = query && typing ? await pagefind.debouncedSearch(query, { filters }, TYPING_PAUSE) : await pagefind.search(query || null, { filters });
    if (answer === null || id !== generation) return;
    const { results } = answer;
    const terms = termsOf(query);
    let feed = inOrder(results, terms);
    if (current.sort === "date") {
      feed = await byDate(pagefind, query, filters, answer, terms);
      if (id !== generation) return;
    }
    const pages = resultPages(feed);
    const first = await pages.next();
    if (id !== generation) return;
    const count = results.length - first.rejected;
    showResults(first.shown, results.length, pages, id);
    // A filter value is offered only where it keeps some result.
    showFilters(count > 0 ? withoutBundles(answer.filters) : {}, current.filters);
    let suggestion = null;
    if (count === 0 && query) {
      suggestion = await suggestionFor(query, pagefind, filters);
      if (id !== generation) return;
    }
    showSuggestion(suggestion);
    setStatus("done", query, statusText(query, count));
  }

  function statusText(query, count) {
    // Replaced by functions: a query's « $& » is text, not a replacement pattern.
    const fill = (template) => template.replace("{n}", () => count.toLocaleString(lang)).replace("{q}", () => query);
    if (!query) return fill(count === 0 ? messages.noFilteredResult : count === 1 ? messages.filteredOne : messages.filteredMany);
    return fill(count === 0 ? messages.noResult : count === 1 ? messages.resultOne : messages.resultMany);
  }

  /** The results' data, a page at a time, from a feed (`inOrder`, `byDate`). */
  function resultPages(feed) {
    return {
      get rejected() {
        return feed.rejected;
      },
      async next() {
        const shown = await feed.take(PAGE);
        return { shown, rejected: feed.rejected, done: feed.done };
      },
    };
  }

  /**
   * The results sorted by date, newest first, then the undated ones by relevance. Pagefind sorts
   * each bundle's results on its own (a sorted result's score is its place in its bundle), so
   * each bundle that has results is searched alone, through its filter, and the bundles' lists
   * are merged by date (`mergedByDate`). A bundle without any dated article ignores the sort: its
   * list is recognised by its first result, undated, and left to the undated ones.
   */
  async function byDate(pagefind, query, filters, answer, terms) {
    const counts = answer.filters?.[BUNDLE_FILTER] ?? {};
    const withResults = bundles.map((_, i) => String(i)).filter((bundle) => (counts[bundle] ?? 0) > 0);
    const answers = await Promise.all(
      withResults.map((bundle) => pagefind.search(query || null, { filters: { ...filters, [BUNDLE_FILTER]: bundle }, sort: { date: "desc" } })),
    );
    const lists = await Promise.all(
      answers.filter((sorted) => sorted.results.length > 0).map(async ({ results }) => ({ results, first: await results[0].data() })),
    );
    const dated = lists.filter(({ first }) => first.meta?.date);
    const inDated = new Set(dated.flatMap(({ results }) => results.map((result) => result.id)));
    const undated = answer.results.filter((result) => !inDated.has(result.id));
    return mergedByDate(dated, inOrder(undated, terms), terms);
  }

  /** The first page of results, and a button for the next while there are more (`total`: Pagefind's count, before any is found not to match). */
  function showResults(items, total, pages, id) {
    list.replaceChildren(...items.map((item) => resultItem(item)));
    more.hidden = !pages || items.length >= total - pages.rejected;
    more.onclick = pages
      ? async () => {
          more.disabled = true;
          setStatus("loading", state.query.trim());
          const page = await pages.next();
          more.disabled = false;
          if (id !== generation) return;
          const added = page.shown.map((item) => resultItem(item));
          list.append(...added);
          more.hidden = page.done;
          const query = state.query.trim();
          setStatus("done", query, statusText(query, total - page.rejected));
          added[0]?.querySelector("a")?.focus();
        }
      : null;
  }

  function resultItem(data) {
    const item = document.createElement("li");
    item.className = "search-result";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta?.title || data.url;
    heading.append(link);
    item.append(heading);
    const details = resultDetails(data);
    if (details.length > 0) {
      const line = document.createElement("p");
      line.className = "search-result-meta";
      details.forEach((detail, i) => line.append(...(i > 0 ? [" · ", detail] : [detail])));
      item.append(line);
    }
    const excerpt = document.createElement("p");
    excerpt.className = "search-excerpt";
    excerpt.append(...excerptNodes(data.excerpt || "", termsOf(state.query)));
    item.append(excerpt);
    return item;
  }

  /** The result's date and outlet: from its metadata, else from its filters (an older index). */
  function resultDetails(data) {
    const meta = data.meta || {};
    const details = [];
    const label = meta.dateLabel || meta.date || groupValue(data, "year");
    if (label) {
      if (meta.date) {
        const time = document.createElement("time");
        time.dateTime = meta.date;
        time.textContent = label;
        details.push(time);
      } else details.push(label);
    }
    const outlet = meta.outlet || groupValue(data, "outlet");
    if (outlet) details.push(outlet);
    return details;
  }

  function groupValue(data, kind) {
    const name = groups.find((group) => group.kind === kind)?.name;
    const value = name ? data.filters?.[name]?.[0] : undefined;
    return value === undefined ? "" : fromIndex(value);
  }

  /**
   * Pagefind's excerpt, with its <mark>s, as DOM nodes built from its text: nothing from the
   * index is inserted as markup. A word Pagefind marked that does not match the query (see
   * `genuineMatch`) is left unmarked.
   */
  function excerptNodes(excerpt, terms) {
    const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html").body;
    return [...parsed.childNodes].map((node) => {
      const text = node.textContent || "";
      if (node.nodeName === "MARK" && (terms.length === 0 || terms.some((term) => wordMatches(term, text)))) {
        const mark = document.createElement("mark");
        mark.textContent = text;
        return mark;
      }
      return document.createTextNode(text);
    });
  }

  function showFilters(counts, chosen) {
    const focused = document.activeElement instanceof HTMLInputElement && filterBox.contains(document.activeElement) ? [document.activeElement.name, document.activeElement.value] : null;
    const names = [...new Set([...Object.keys(counts), ...Object.keys(chosen)])];
    const order = (name) => {
      const i = groups.findIndex((group) => group.name === name);
      return i === -1 ? groups.length : i;
    };
    names.sort((a, b) => order(a) - order(b) || collator.compare(a, b));
    const made = [];
    for (const name of names) {
      const group = groups.find((candidate) => candidate.name === name);
      const values = Object.entries(counts[name] ?? {});
      for (const value of chosen[name] ?? []) if (!values.some(([known]) => known === value)) values.push([value, 0]);
      const shown = values.filter(([value, count]) => count > 0 || (chosen[name] ?? []).includes(value));
      if (shown.length === 0) continue;
      // Years newest first; names and words in the language's alphabetical order.
      const newest = group?.kind === "year";
      shown.sort(([a], [b]) => (newest ? collator.compare(b, a) : collator.compare(fromIndex(a), fromIndex(b))));
      made.push(filterGroup(name, group?.heading ?? capitalized(name), shown, chosen[name] ?? []));
    }
    filterBox.replaceChildren(...made);
    filterBox.hidden = made.length === 0;
    if (focused) {
      const again = [...filterBox.querySelectorAll("input")].find((box) => box.name === focused[0] && box.value === focused[1]);
      again?.focus();
    }
  }

  function filterGroup(name, heading, values, chosen) {
    const group = document.createElement("details");
    group.className = "search-filter";
    group.dataset.filter = name;
    // Open on a wide screen; closed on a phone, where the results come first.
    group.open = openGroups.get(name) ?? (wide.matches || chosen.length > 0);
    const summary = document.createElement("summary");
    summary.textContent = heading;
    if (chosen.length > 0) {
      const count = document.createElement("span");
      count.className = "search-chosen";
      count.textContent = ` (${chosen.length})`;
      summary.append(count);
    }
    const items = document.createElement("ul");
    for (const [value, count] of values) {
      const item = document.createElement("li");
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = value;
      box.checked = chosen.includes(value);
      const number = document.createElement("span");
      number.className = "search-count";
      number.textContent = `(${count.toLocaleString(lang)})`;
      label.append(box, ` ${fromIndex(value)} `, number);
      item.append(label);
      items.append(item);
    }
    group.append(summary, items);
    return group;
  }

  function showSuggestion(suggestion) {
    suggestionLine.hidden = suggestion === null;
    suggestionLine.replaceChildren();
    if (suggestion === null) return;
    const [before, after = ""] = (messages.didYouMean || "{s}").split("{s}");
    const link = document.createElement("a");
    link.href = urlOf({ ...state, query: suggestion });
    link.textContent = suggestion;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      input.value = suggestion;
      change({ ...state, query: suggestion });
    });
    suggestionLine.append(before, link, after);
  }

  /**
   * A query with each word the archive lacks replaced by the archive's word closest to it
   * (names first, then the most frequent words), when one is near enough; only if that query
   * finds something. Null otherwise.
   */
  async function suggestionFor(query, pagefind, filters) {
    vocabulary ??= fetch(form.dataset.vocabulary || "")
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({}))
      .then(candidatesOf);
    const candidates = await vocabulary;
    let changed = false;
    const words = query.split(/\s+/).map((word) => {
      const key = fold(word).replace(/[^\p{L}\p{N}]+/gu, "");
      if (candidates.known.has(key)) return word;
      // A capitalised word is taken for a name: « Biden » is not « bien ».
      const found = closest(key, /^\p{Lu}/u.test(word) ? candidates.names : candidates.list);
      if (!found) return word;
      changed = true;
      return found;
    });
    if (!changed) return null;
    const suggestion = words.join(" ");
    const answer = await pagefind.search(suggestion, { filters });
    const shown = await inOrder(answer.results.slice(0, PAGE), termsOf(suggestion)).take(PAGE);
    return shown.length > 0 ? suggestion : null;
  }

  function capitalized(name) {
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  }
}

/** The filter that names each page's bundle (Pagefind's `mergeFilter`), never a filter of the index. */
const BUNDLE_FILTER = "revue:bundle";

/** Filter counts without the bundles' filter, which is not the reader's to choose. */
function withoutBundles(counts) {
  const { [BUNDLE_FILTER]: _, ...rest } = counts ?? {};
  return rest;
}

// A feed gives results' data in order, `take(n)` at a time, without the results that do not
// match the query (`genuineMatch`): it counts them (`rejected`) and says when it has no more (`done`).

/**
 * A feed of results in the order given, their data loaded a batch at a time. Pagefind falls
 * back to a shorter prefix for a word it lacks, and does so for all its results alike: a first
 * batch without any genuine match means the query has none, and the rest are not loaded.
 */
function inOrder(results, terms) {
  let next = 0;
  let rejected = 0;
  return {
    get rejected() {
      return rejected;
    },
    get done() {
      return next >= results.length;
    },
    async take(wanted) {
      const shown = [];
      while (shown.length < wanted && next < results.length) {
        const batch = results.slice(next, next + wanted - shown.length);
        const firstBatch = next === 0;
        next += batch.length;
        const data = await Promise.all(batch.map((result) => result.data()));
        for (const item of data) {
          if (genuineMatch(item, terms)) shown.push(item);
          else rejected++;
        }
        if (firstBatch && shown.length === 0) {
          rejected += results.length - next;
          next = results.length;
        }
      }
      return shown;
    },
  };
}

/**
 * A feed merging lists each sorted by date, newest first (`meta.date`, the ISO date the index
 * sorts by, compared as text as Pagefind does), then the feed `after`. Each list comes with its
 * first result's data; of the rest, only a list's head is loaded, once the one before is taken.
 * A list whose first result does not match the query has no genuine match (see `inOrder`).
 */
function mergedByDate(lists, after, terms) {
  let rejected = 0;
  const sources = lists.map(({ results, first }) => {
    const source = { results, next: 1, head: first, taken: false };
    if (!genuineMatch(first, terms)) {
      rejected += results.length;
      source.head = null;
      source.next = results.length;
    }
    return source;
  });
  /** Loads the next result of a list that matches the query as its head, or none when there is no more. */
  async function advance(source) {
    source.head = null;
    source.taken = false;
    while (source.head === null && source.next < source.results.length) {
      const data = await source.results[source.next++].data();
      if (genuineMatch(data, terms)) source.head = data;
      else rejected++;
    }
  }
  return {
    get rejected() {
      return rejected + after.rejected;
    },
    get done() {
      return sources.every((source) => (source.taken ? source.next >= source.results.length : source.head === null)) && after.done;
    },
    async take(wanted) {
      const shown = [];
      while (shown.length < wanted) {
        await Promise.all(sources.filter((source) => source.taken).map(advance));
        let newest = null;
        for (const source of sources) if (source.head && (!newest || source.head.meta.date > newest.head.meta.date)) newest = source;
        if (!newest) break;
        shown.push(newest.head);
        newest.taken = true;
      }
      if (shown.length < wanted) shown.push(...(await after.take(wanted - shown.length)));
      return shown;
    },
  };
}

/**
 * Whether a result matches the query for real: each word of the query (of three letters or
 * more) must match one of the result's matched words (Pagefind's `locations` in its `content`).
 * Pagefind stems words and, for a word it does not hold, falls back to ever shorter prefixes:
 * « Bourita » finds « B. », « Hamouchi » finds « Hamas ». See `wordMatches` for the rule.
 */
function genuineMatch(data, terms) {
  if (terms.length === 0) return true;
  const content = data.content || "";
  const words = content.includes("\u200B") ? content.split("\u200B") : content.split(/[^\S\uFEFF]+/);
  const matched = (data.locations || []).map((location) => words[location] || "");
  return terms.every((term) => matched.some((word) => wordMatches(term, word)));
}

/**
 * A word of a result matches a query's word when, folded (no case, no accents), it or one of
 * its parts (« l'ambassadeur »: « ambassadeur ») shares with the query's word a beginning of at
 * least half its letters, and at least four (all of it for a shorter word): a stem shared
 * (« ambassadeurs », « ambassadeur »; « gouvernements », « gouvernance »), or a word being typed
 * (« Hammou », « Hammouchi »), but not a fallback prefix (« Bourita », « B. »; « Macron », « Maroc »).
 */
function wordMatches(term, word) {
  const folded = fold(word);
  const parts = [folded.replace(/[^\p{L}\p{N}]+/gu, ""), ...folded.split(/[^\p{L}\p{N}]+/u)];
  const needed = Math.min(term.length, Math.max(4, Math.ceil(term.length / 2)));
  return parts.some((part) => commonPrefix(term, part) >= needed);
}

function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The query's words, folded, of three letters or more (shorter ones are not checked). */
function termsOf(query) {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length >= 3);
}

/** Lowercase, without accents or ligatures: « Sûreté » and « surete » are one word. */
function fold(text) {
  return text
    .replace(/[œŒ]/g, "oe")
    .replace(/[æÆ]/g, "ae")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
}

/** A filter value as the index holds it, as text: an older index escapes `&`, `<` and `>` as HTML. */
function fromIndex(value) {
  return value.replace(/&(amp|lt|gt);/g, (_, name) => ({ amp: "&", lt: "<", gt: ">" })[name]);
}

/** The vocabulary (src/search/vocabulary.ts) as candidates: the actors' names' words first, then the words, most frequent first. */
function candidatesOf(vocabulary) {
  const known = new Map();
  const add = (word) => {
    const key = fold(word).replace(/[^\p{L}\p{N}]+/gu, "");
    if ([...key].length >= 4 && !known.has(key)) known.set(key, word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
  };
  for (const name of vocabulary.actors ?? []) for (const word of String(name).split(/\s+/)) add(word);
  for (const word of vocabulary.words ?? []) add(String(word));
  const list = [...known];
  return { known, list, names: list.filter(([, word]) => /^\p{Lu}/u.test(word)) };
}

/**
 * The candidate nearest to a folded word, the first of the nearest: one edit for a word of
 * five to seven letters, two from eight (a shorter word has too many neighbours to guess).
 */
function closest(key, list) {
  const length = [...key].length;
  if (length < 5) return null;
  const allowed = length < 8 ? 1 : 2;
  let best = null;
  let bestDistance = allowed + 1;
  for (const [candidate, word] of list) {
    if (Math.abs(candidate.length - key.length) >= bestDistance) continue;
    const distance = editDistance(key, candidate, bestDistance);
    if (distance < bestDistance) {
      best = word;
      bestDistance = distance;
      if (distance === 1) break;
    }
  }
  return best;
}

/** Edits (insertion, deletion, substitution, swap of neighbours) from one word to another; `limit` or more once it is past it. */
function editDistance(a, b, limit) {
  const rows = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      row.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest >= limit) return limit;
    rows.push(row);
  }
  return rows[a.length][b.length];
}

const form = document.getElementById("search");
if (form instanceof HTMLFormElement) start(form);
