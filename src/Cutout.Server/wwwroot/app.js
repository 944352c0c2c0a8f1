// Cutout page: the server cuts the subject out once (transparent PNG); background, crop and comparison happen here,
// so changing them is instant.
"use strict";

const $ = (id) => document.getElementById(id);
const ui = {
  drop: $("drop"), file: $("file"), fileName: $("file-name"),
  model: $("model"), refine: $("refine"), crop: $("crop"), colour: $("colour"),
  download: $("download"), status: $("status"), error: $("error"),
  stage: $("stage"), side: $("side"), sliderView: $("slider-view"),
  original: $("original"), result: $("result"), working: [$("working"), $("working-slider")],
  compare: $("compare"), before: $("compare-before"), after: $("compare-after"), divider: $("divider"), slider: $("slider"),
};

const state = {
  file: null,          // the picked File
  originalUrl: null,   // object URL of the file, shown as <img>
  original: null,      // ImageBitmap of the file (for the blurred background)
  cutout: null,        // ImageBitmap of the server's transparent PNG
  cutoutBlob: null,    // the server's PNG itself (downloaded as is when nothing was changed here)
  bounds: null,        // subject bounds in the cutout, for cropping
  request: 0,          // id of the latest request; answers to older ones are dropped
};

const CROP_MARGIN = 16;

// ---- picking an image -------------------------------------------------------------------------------------------

ui.file.addEventListener("change", () => ui.file.files[0] && pick(ui.file.files[0]));

for (const type of ["dragenter", "dragover"])
  document.addEventListener(type, (e) => { e.preventDefault(); ui.drop.classList.add("dragging"); });
for (const type of ["dragleave", "dragend"])
  document.addEventListener(type, (e) => { if (!e.relatedTarget) ui.drop.classList.remove("dragging"); });
document.addEventListener("drop", (e) => {
  e.preventDefault();
  ui.drop.classList.remove("dragging");
  const file = e.dataTransfer?.files?.[0];
  if (file) pick(file);
});

document.addEventListener("paste", (e) => {
  const item = [...(e.clipboardData?.items ?? [])].find((i) => i.kind === "file" && i.type.startsWith("image/"));
  if (!item) return;
  e.preventDefault();
  const file = item.getAsFile();
  pick(file.name ? file : new File([file], "pasted.png", { type: file.type }));
});

async function pick(file) {
  state.file = file;
  state.cutout = state.cutoutBlob = state.bounds = state.original = null;
  ui.download.disabled = true;
  clearCanvas(ui.result);
  clearCanvas(ui.after);
  ui.fileName.textContent = `${file.name || "Pasted image"} · ${formatBytes(file.size)}`;
  if (state.originalUrl) URL.revokeObjectURL(state.originalUrl);
  state.originalUrl = URL.createObjectURL(file);
  ui.original.src = ui.before.src = state.originalUrl;
  ui.stage.hidden = false;
  const removal = removeBackground();
  const original = await createImageBitmap(file).catch(() => null);
  if (state.file !== file) return;
  state.original = original;
  if (state.cutout) render();   // the cutout came first: draw the blurred background now that it can be
  await removal;
}

// ---- asking the server ------------------------------------------------------------------------------------------

async function removeBackground() {
  if (!state.file) return;
  const id = ++state.request;
  setWorking(true);
  showError(null);
  const query = new URLSearchParams();
  if (ui.model.value) query.set("model", ui.model.value);
  if (ui.refine.checked) query.set("refine", "true");
  const form = new FormData();
  form.append("file", state.file, state.file.name || "image.png");
  const started = performance.now();
  try {
    const response = await fetch(`/api/remove?${query}`, { method: "POST", body: form });
    if (!response.ok) throw new Error(await problemText(response));
    const blob = await response.blob();
    const cutout = await createImageBitmap(blob, { premultiplyAlpha: "none" });
    if (id !== state.request) return;
    state.cutoutBlob = blob;
    state.cutout = cutout;
    state.bounds = subjectBounds(cutout);
    render();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const used = response.headers.get("Cutout-Model");
    if (response.headers.get("Cutout-Subject-Found") === "false") {
      ui.status.textContent = `Done in ${seconds} s, but no subject was found: the cut-out is empty.`;
      showError(emptyResultAdvice(used));
    } else {
      ui.status.textContent = `Done in ${seconds} s${used ? ` with ${used}` : ""}. Pick a background, then download.`;
    }
  } catch (e) {
    if (id !== state.request) return;
    ui.status.textContent = "";
    showError(e instanceof TypeError
      ? "Could not reach the server. Check that `cutout serve` is still running, then try again."
      : e.message);
  } finally {
    if (id === state.request) setWorking(false);
  }
}

function emptyResultAdvice(model) {
  const people = model && model.startsWith("people");
  return people
    ? "The people model found no person in this photo. Choose the general model (or auto) under Model to cut out other subjects."
    : "No main subject was found in this photo. Try another model under Model, or a photo where the subject stands out more.";
}

async function problemText(response) {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    const problem = await response.json().catch(() => null);
    if (problem?.detail || problem?.title) return problem.detail || problem.title;
  }
  if (response.status === 413) return "The image is too large for this server.";
  if (response.status === 503) return "The server is busy. Please try again in a few seconds.";
  return `The server could not process the image (HTTP ${response.status}).`;
}

function setWorking(on) {
  for (const overlay of ui.working) overlay.hidden = !on;
  ui.stage.setAttribute("aria-busy", String(on));
  ui.download.disabled = on || !state.cutout;
  if (on) ui.status.textContent = "Removing the background…";
}

function showError(message) {
  ui.error.hidden = !message;
  ui.error.textContent = message ?? "";
}

// ---- drawing the result -----------------------------------------------------------------------------------------

function background() {
  return document.querySelector("input[name=bg]:checked").value;
}

/** The cutout over the chosen background, at full size. */
function compose() {
  const { cutout, original } = state;
  const canvas = document.createElement("canvas");
  canvas.width = cutout.width;
  canvas.height = cutout.height;
  const ctx = canvas.getContext("2d");
  const choice = background();
  if (choice === "colour") {
    ctx.fillStyle = ui.colour.value;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  } else if (choice === "blur" && original) {
    const radius = Math.max(4, Math.round(Math.max(canvas.width, canvas.height) / 50));
    ctx.filter = `blur(${radius}px)`;
    // Drawn a little larger so the blur does not fade to transparent at the edges.
    ctx.drawImage(original, -2 * radius, -2 * radius, canvas.width + 4 * radius, canvas.height + 4 * radius);
    ctx.filter = "none";
  }
  ctx.drawImage(cutout, 0, 0);
  return canvas;
}

function render() {
  if (!state.cutout) return;
  const full = compose();
  const box = ui.crop.checked && state.bounds ? state.bounds : { x: 0, y: 0, width: full.width, height: full.height };
  ui.result.width = box.width;
  ui.result.height = box.height;
  const ctx = ui.result.getContext("2d");
  ctx.clearRect(0, 0, box.width, box.height);
  ctx.drawImage(full, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);

  ui.after.width = full.width;
  ui.after.height = full.height;
  ui.after.getContext("2d").drawImage(full, 0, 0);
  ui.compare.style.aspectRatio = `${full.width} / ${full.height}`;
  ui.compare.style.width = `min(100%, calc(62vh * ${full.width / full.height}))`;
  moveSlider();
  ui.download.disabled = false;
}

/** The box around pixels that are not (nearly) transparent, plus a margin; null when the cutout is empty. */
function subjectBounds(bitmap) {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  ctx.drawImage(bitmap, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  let left = width, top = height, right = -1, bottom = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (data[(y * width + x) * 4 + 3] > 25) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
  if (right < 0) return null;
  left = Math.max(0, left - CROP_MARGIN);
  top = Math.max(0, top - CROP_MARGIN);
  right = Math.min(width - 1, right + CROP_MARGIN);
  bottom = Math.min(height - 1, bottom + CROP_MARGIN);
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

function clearCanvas(canvas) {
  canvas.width = canvas.height = 0;
}

// ---- options and view -------------------------------------------------------------------------------------------

for (const radio of document.querySelectorAll("input[name=bg]")) radio.addEventListener("change", render);
ui.colour.addEventListener("input", () => {
  $("bg-colour").checked = true;
  render();
});
ui.crop.addEventListener("change", render);
ui.refine.addEventListener("change", removeBackground);
ui.model.addEventListener("change", removeBackground);

for (const radio of document.querySelectorAll("input[name=view]"))
  radio.addEventListener("change", () => {
    const slider = $("view-slider").checked;
    ui.side.hidden = slider;
    ui.sliderView.hidden = !slider;
  });

function moveSlider() {
  const at = Number(ui.slider.value);
  ui.after.style.clipPath = `inset(0 0 0 ${at}%)`;
  ui.divider.style.left = `${at}%`;
}
ui.slider.addEventListener("input", moveSlider);
ui.compare.addEventListener("pointerdown", (e) => {
  ui.compare.setPointerCapture(e.pointerId);
  dragSlider(e);
});
ui.compare.addEventListener("pointermove", (e) => { if (e.buttons) dragSlider(e); });
function dragSlider(e) {
  const rect = ui.compare.getBoundingClientRect();
  ui.slider.value = String(Math.round(((e.clientX - rect.left) / rect.width) * 100));
  moveSlider();
}

// ---- download ---------------------------------------------------------------------------------------------------

ui.download.addEventListener("click", async () => {
  if (!state.cutout) return;
  const untouched = background() === "transparent" && !ui.crop.checked;
  const blob = untouched ? state.cutoutBlob : await new Promise((done) => ui.result.toBlob(done, "image/png"));
  const stem = (state.file.name || "image").replace(/\.[^.]+$/, "") || "image";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `${stem}-cutout.png`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
});

// ---- models -----------------------------------------------------------------------------------------------------

async function loadModels() {
  try {
    const response = await fetch("/api/models");
    if (!response.ok) return;
    const list = await response.json();
    // The server's default goes first with an empty value (no model field): it may be a path the list does not name.
    const defaultName = list.default.split(/[\\/]/).pop().replace(/\.onnx$/i, "");
    const others = list.models.filter((m) => m.present && !m.isDefault);
    ui.model.replaceChildren(
      new Option(`${modelLabel(defaultName)} (default)`, "", true, true),
      ...others.map((m) => new Option(modelLabel(m.name, m.subject), m.name)));
  } catch {
    // Keep "Default": the server picks its own model.
  }
}

function modelLabel(name, subject) {
  if (name === "auto" || subject === "auto") return "auto: people, else the main subject";
  if (subject === "people" || name.startsWith("people")) return `people (${name})`;
  if (subject === "general" || name.startsWith("general")) return `any main subject (${name})`;
  return name;
}

function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

loadModels();
