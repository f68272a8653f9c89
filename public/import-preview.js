// The import draft page's live preview: the extractor, compiled to wasm, runs again on the
// text as it is edited (the server's preview shows the text as last saved). Without this
// script, "Update the preview" asks the server.
import init, { preview_html } from "/preview/mandate-preview.js";

const text = document.getElementById("text");
const preview = document.getElementById("preview");
const counts = document.getElementById("preview-counts");
const hint = document.getElementById("preview-live");

if (text && preview && counts) {
  await init({ module_or_path: "/preview/mandate-preview.wasm" });
  const calendar = preview.dataset.calendar || "[]";
  let timer = 0;
  const update = () => {
    const started = performance.now();
    const answer = JSON.parse(preview_html(text.value, calendar));
    if (answer.error) {
      counts.textContent = answer.error;
      counts.classList.add("field-error");
      preview.replaceChildren();
    } else {
      counts.textContent = answer.summary;
      counts.classList.remove("field-error");
      // Markup written by the extractor's own renderer, every text in it escaped.
      preview.innerHTML = answer.html;
    }
    preview.dataset.milliseconds = (performance.now() - started).toFixed(1);
  };
  text.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  // Once at load: the extractor compiles its patterns on its first run (about 0.3 s), so that
  // the first edit is answered as fast as the others.
  update();
  if (hint) {
    hint.hidden = false;
  }
  document.documentElement.dataset.livePreview = "on";
}
