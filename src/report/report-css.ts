/** The report's inline stylesheet: a card grid that prints and reads well on light and dark screens. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #f5f6f8; --card: #fff; --text: #1d2230; --muted: #5d667a; --line: #d9dde5; --keep: #1f8a4c; --remove: #b54708; }
@media (prefers-color-scheme: dark) { :root { --bg: #14161b; --card: #1e2129; --text: #e6e8ee; --muted: #9aa3b5; --line: #333846; --keep: #4cc38a; --remove: #f0a060; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--text); }
header h1 { margin: 0 0 4px; font-size: 22px; }
.meta, .note { color: var(--muted); margin: 0 0 4px; }
.empty { padding: 24px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
.group { margin: 24px 0; padding: 16px; background: var(--card); border: 1px solid var(--line); border-radius: 10px; break-inside: avoid; }
.group h2 { margin: 0 0 4px; font-size: 17px; }
.group h2 .count { color: var(--muted); font-weight: normal; font-size: 14px; }
.reason { margin: 0 0 12px; color: var(--muted); }
.scenes { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; }
.scene { position: relative; border: 2px solid var(--line); border-radius: 8px; overflow: hidden; }
.scene.keep { border-color: var(--keep); }
.shot { aspect-ratio: 16 / 9; background: var(--line); display: flex; align-items: center; justify-content: center; color: var(--muted); }
.shot img { width: 100%; height: 100%; object-fit: cover; display: block; }
.badge { position: absolute; top: 8px; left: 8px; padding: 2px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; color: #fff; background: var(--muted); }
.badge.keep { background: var(--keep); }
.badge.remove { background: var(--remove); }
.body { padding: 8px 10px 10px; }
.body h3 { margin: 0 0 4px; font-size: 15px; overflow-wrap: anywhere; }
.path { margin: 0 0 6px; font: 12px/1.35 ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--muted); overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; font-variant-numeric: tabular-nums; }
footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
`;
