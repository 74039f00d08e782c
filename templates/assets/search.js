// Starts Pagefind's search interface on the search page (kept out of the HTML for the
// Content-Security-Policy: no inline scripts) and gives its field a visible label.
window.addEventListener("DOMContentLoaded", () => {
  const container = document.getElementById("search");
  if (!container || typeof window.PagefindUI !== "function") return;
  // Under a sub-path host, result links and the index live below the path prefix.
  const base = container.dataset.base || "/";
  // The index comes in shards (one Pagefind bundle each); the first is the primary
  // (assets/pagefind.js loads its code), the others are merged into it.
  const [, ...others] = (container.dataset.bundles || "").split(" ").filter(Boolean);
  new window.PagefindUI({
    element: "#search",
    baseUrl: base,
    // The interface imports `${bundlePath}pagefind.js`: our assets/pagefind.js, Pagefind's API
    // with searches that wait for the filters (see there why).
    bundlePath: `${base}assets/`,
    mergeIndex: others.map((bundle) => ({ bundlePath: `${base}${bundle}`, baseUrl: base })),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
  });
  const labelField = () => {
    const input = container.querySelector("input.pagefind-ui__search-input");
    if (!input) return requestAnimationFrame(labelField);
    input.id = "search-input";
    const label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "search-label";
    label.textContent = container.dataset.label || "";
    container.prepend(label);
  };
  labelField();
});
