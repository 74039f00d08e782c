// Starts Pagefind's search interface on the search page (kept out of the HTML for the
// Content-Security-Policy: no inline scripts) and gives its field a visible label.
window.addEventListener("DOMContentLoaded", () => {
  const container = document.getElementById("search");
  if (!container || typeof window.PagefindUI !== "function") return;
  // Under a sub-path host, result links and the index live below the path prefix.
  const base = container.dataset.base || "/";
  new window.PagefindUI({ element: "#search", baseUrl: base, bundlePath: `${base}pagefind/`, showSubResults: true, showImages: false, resetStyles: false });
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
