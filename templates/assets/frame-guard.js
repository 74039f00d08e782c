// Against clickjacking where the host sends no `Content-Security-Policy: frame-ancestors`
// header (GitHub Pages sends none, and browsers ignore frame-ancestors in a <meta>): a page
// shown inside another site's frame hides its content, shows only the link that opens it
// on its own (style.css, `html.framed`), and tries to leave the frame. Loaded before the
// body, so a framed page is never drawn; without JavaScript the page is as it always was.
(function () {
  "use strict";
  var framed;
  try {
    framed = window.top !== window.self;
  } catch (error) {
    framed = true;
  }
  if (!framed) return;
  document.documentElement.classList.add("framed");
  try {
    window.top.location.replace(window.location.href);
  } catch (error) {
    // Browsers refuse it to a frame of another origin without a click: the link is there for that.
  }
})();
