/**
 * The dev server's page script (npm start, scripts/start.ts serves it into every page it
 * serves, never into the published site). A file of the site's origin, as the security policy
 * asks, so that it runs on every page: articles, the 404 page, drafts, the search page.
 * - A rebuild reloads the page; when the page's article moved (its `slug:` or `permalink:`
 *   changed, its file was renamed), it goes to the new address instead, as Hugo's server does.
 * - The build's problems are shown over the page, each with its file, line and fix, until a
 *   build has none.
 */
const STATUS = new URL("../.revue/status.json", import.meta.url);
const STYLESHEET = new URL("dev-live.css", import.meta.url);
/** The number of the last build shown (a status older than it is stale) and of the one whose panel was closed. */
let shown = -1;
let closed = -1;

function connect(reconnecting) {
  const socket = new WebSocket(`${location.protocol.replace("http", "ws")}//${location.host}`);
  socket.addEventListener("open", () => {
    // The server started again: its site may have changed while it was away.
    if (reconnecting) location.reload();
    else void fetchStatus();
  });
  socket.addEventListener("message", (event) => {
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (message.type === "revue.reload") follow(message.moved ?? {});
    else if (message.type === "revue.status") show(message.status);
  });
  socket.addEventListener("close", () => setTimeout(() => connect(true), 1000), { once: true });
}

/** The page's path as the server names pages: decoded, a folder's `index.html` left out. */
function currentPath() {
  return decodeURI(location.pathname).replace(/\/index\.html$/, "/");
}

function follow(moved) {
  const to = moved[currentPath()];
  if (to) location.replace(`${to}${location.hash}`);
  else location.reload();
}

async function fetchStatus() {
  try {
    const response = await fetch(STATUS, { cache: "no-store" });
    if (response.ok) show(await response.json());
  } catch {
    // The server is stopping: the socket's close reconnects.
  }
}

function show(status) {
  if (!status || status.build < shown) return;
  shown = status.build;
  document.querySelector(".revue-dev-problems")?.remove();
  if (!status.diagnostics.length || closed === status.build) return;
  document.body.append(panel(status));
}

function element(name, className, text) {
  const made = document.createElement(name);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

function panel(status) {
  const { labels } = status;
  const section = element("section", "revue-dev-problems");
  section.setAttribute("role", "alert");
  section.setAttribute("aria-labelledby", "revue-dev-problems-title");
  const header = element("div", "revue-dev-problems-header");
  const title = element("h2", "", labels.title);
  title.id = "revue-dev-problems-title";
  const close = element("button", "", labels.close);
  close.type = "button";
  close.addEventListener("click", () => {
    closed = status.build;
    section.remove();
  });
  header.append(title, close);
  const list = element("ol");
  for (const problem of status.diagnostics) {
    const item = element("li", `revue-dev-${problem.severity}`);
    const where = element("p", "revue-dev-where");
    where.append(element("code", "", problem.where), ` · ${problem.severityLabel}`);
    item.append(where, element("p", "revue-dev-message", problem.message));
    if (problem.fix) item.append(element("p", "revue-dev-fix", `${labels.fix} ${problem.fix}`));
    list.append(item);
  }
  section.append(header, list);
  return section;
}

// Its stylesheet comes with it: the published site's has no rule for what only the dev server shows.
if (!document.querySelector(`link[href="${STYLESHEET.pathname}"]`)) {
  const link = element("link");
  link.rel = "stylesheet";
  link.href = STYLESHEET.pathname;
  document.head.append(link);
}
connect(false);
