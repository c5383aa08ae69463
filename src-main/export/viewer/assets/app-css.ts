/** viewer/app.css: readable, keyboard-visible, light and dark. */
export const APP_CSS = String.raw`:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1b1f; --muted: #585866; --line: #d4d4dc; --panel: #f3f3f7;
  --accent: #0a58a8; --warn-bg: #fff4d4; --warn-fg: #5f3d00; --ok: #0f6b35; --bad: #a51d2d;
  --thumb: 10rem; --medium: 18rem;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15151a; --fg: #ececf1; --muted: #a9a9b6; --line: #3b3b46; --panel: #20202a;
    --accent: #86bfff; --warn-bg: #3a2f0e; --warn-fg: #ffe3a3; --ok: #79dca0; --bad: #ff9aa5;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
/* Headings take the focus after navigation (for screen readers); they are not controls. */
[tabindex="-1"]:focus { outline: none; }
.skip { position: absolute; left: -100rem; top: 0.5rem; background: var(--bg); padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { left: 0.5rem; }
header { padding: 1rem 1.5rem; border-bottom: 1px solid var(--line); }
header h1 { margin: 0; font-size: 1.4rem; }
header p { margin: 0.2rem 0 0; color: var(--muted); }
.layout { display: grid; grid-template-columns: minmax(12rem, 17rem) minmax(0, 1fr); }
#nav { border-right: 1px solid var(--line); padding: 1rem; }
#nav ul { list-style: none; margin: 0; padding: 0; }
#nav li { margin: 0.2rem 0; overflow-wrap: anywhere; }
#nav a[aria-current="page"], .tabs a[aria-current="page"] { font-weight: 700; color: var(--fg); }
main { padding: 1rem 1.5rem 3rem; min-width: 0; }
main h2 { margin-top: 0; overflow-wrap: anywhere; }
@media (max-width: 50rem) {
  .layout { grid-template-columns: 1fr; }
  #nav { border-right: 0; border-bottom: 1px solid var(--line); }
}
.muted { color: var(--muted); }
.error { color: var(--bad); font-weight: 600; }
.status { padding: 0.6rem 0.9rem; border-radius: 0.4rem; border: 1px solid var(--line); }
.status-complete { border-color: var(--ok); }
.status-partial, .status-unknown, .warnings { background: var(--warn-bg); color: var(--warn-fg); }
.warnings { padding: 0.2rem 1rem; border-radius: 0.4rem; margin: 1rem 0; }
.warnings h3 { margin: 0.5rem 0 0; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 1rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1.2rem; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { text-align: left; padding: 0.3rem 0.7rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; max-width: 40rem; }
th { background: var(--panel); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.8rem; font-size: 0.85rem; border: 1px solid currentColor; }
.badge-negative { color: var(--bad); }
.tabs { display: flex; flex-wrap: wrap; gap: 1.2rem; border-bottom: 1px solid var(--line); margin: 1rem 0; padding-bottom: 0.4rem; }
button, .button, select, input {
  font: inherit; color: var(--fg); background: var(--panel); border: 1px solid var(--line); border-radius: 0.35rem; padding: 0.25rem 0.7rem;
}
.button { text-decoration: none; display: inline-block; }
button:not(:disabled), .button { cursor: pointer; }
button:disabled { opacity: 0.5; }
input[type="number"] { width: 6rem; }
.controls, .pager, .detail-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.controls { gap: 1rem; }
.grid { list-style: none; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(calc(var(--thumb) + 1.2rem), 1fr)); }
.thumb { width: 100%; display: flex; flex-direction: column; align-items: center; gap: 0.3rem; padding: 0.5rem; }
.slot { width: var(--thumb); height: var(--thumb); display: flex; align-items: center; justify-content: center; }
.caption { max-width: var(--thumb); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 0.85rem; }
.frame { position: relative; overflow: hidden; background: var(--panel); flex: none; }
.frame img { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
.frame-big { margin: 1rem 0; }
.missing { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; text-align: center; font-size: 0.8rem; color: var(--muted); }
.region { position: absolute; border: 2px solid hsl(var(--hue, 200) 90% 50%); box-shadow: 0 0 0 1px rgb(0 0 0 / 0.55); }
.region-label {
  position: absolute; left: 0; top: 0; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  font-size: 0.75rem; padding: 0 0.25rem; color: #fff; background: hsl(var(--hue, 200) 80% 28%);
}
.chips { list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0; padding: 0; }
.chips li { border: 1px solid var(--line); border-radius: 0.8rem; padding: 0 0.5rem; }
.predictions { list-style: none; padding: 0; }
.prediction { display: flex; flex-wrap: wrap; gap: 1rem; padding: 1rem 0; border-bottom: 1px solid var(--line); }
.prediction h3 { margin: 0; font-size: 1rem; }
`;
