/**
 * The staff pages' HTML: an escaping template tag (every interpolated value is text unless marked
 * `raw`), one stylesheet and one small script shared by every page, the Content-Security-Policy
 * that pins both by hash (as the chat page does), and the layout around each page.
 */
import { createHash } from 'node:crypto';
import { staffTexts as t } from './texts.vi.js';

/** Markup that is already safe: produced by `h`, or trusted (the chart's SVG). */
export class Raw {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export const raw = (html: string): Raw => new Raw(html);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Raw) return v.html;
  if (Array.isArray(v)) return v.map(render).join('');
  return esc(String(v));
}

/** `h\`<p>${text}</p>\``: interpolations are escaped; arrays are joined; null/false render nothing. */
export function h(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Raw(out);
}

const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;
 color:#1c2733;background:#eef2f6;overflow-wrap:anywhere}
a{color:#0b4f9c}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px;z-index:2}
.skip:focus{left:8px}
.top{background:#0b4f9c;color:#fff;padding:10px 16px}
.top-in{max-width:1040px;margin:0 auto;display:flex;flex-wrap:wrap;align-items:center;gap:6px 16px}
.brand{margin:0;font-size:1.1rem;line-height:1.3;flex:1 1 auto}
.brand a{color:#fff;text-decoration:none}
.brand small{display:block;font-size:.8rem;font-weight:400;color:#e3edf9}
.nav{display:flex;flex-wrap:wrap;gap:4px;align-items:center;margin:0;padding:0;list-style:none;order:1}
.out{order:2;margin:0}
.nav a{display:inline-block;font:inherit;font-size:.95rem;color:#fff;background:none;border:1px solid transparent;
 border-radius:6px;padding:6px 10px;text-decoration:none;cursor:pointer;min-height:36px}
.nav a[aria-current=page]{background:#fff;color:#0b4f9c;font-weight:600}
.nav a:hover{border-color:#c9dcf3}
.out button:hover{background:#0a4587}
.out button{font:inherit;font-size:.95rem;color:#fff;background:none;border:1px solid #c9dcf3;border-radius:6px;padding:5px 10px;cursor:pointer;min-height:36px}
.card>:first-child{margin-top:0}
main{max-width:1040px;margin:0 auto;padding:16px}
h1{font-size:1.4rem;line-height:1.3;margin:4px 0 12px}
h2{font-size:1.15rem;line-height:1.3;margin:20px 0 8px}
h3{font-size:1rem;line-height:1.35;margin:0 0 6px}
.card{background:#fff;border:1px solid #d5dde6;border-radius:10px;padding:12px 14px;margin:0 0 12px}
.cards{margin:0 0 12px;display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(min(100%,280px),1fr))}
.cards .card{margin:0}
a.card{display:block;color:inherit;text-decoration:none}
a.card h2{color:#0b4f9c;text-decoration:underline}
a.card:hover{border-color:#0b4f9c}
.muted{color:#4f5d6c;font-size:.9rem}
.notice{border-radius:8px;padding:10px 12px;margin:0 0 12px;border:1px solid}
.notice.ok{background:#e8f5ec;border-color:#9fd0ae;color:#1d5a31}
.notice.error{background:#fdecec;border-color:#e5a3a3;color:#8a1c1c}
.notice.info{background:#eaf2fb;border-color:#a9c6ea;color:#17406f}
.badge{display:inline-block;font-size:.8rem;line-height:1.4;padding:1px 8px;border-radius:10px;background:#e3e8ee;color:#2a3642;white-space:nowrap}
.badge.ok{background:#dff1e5;color:#1d5a31}
.badge.warn{background:#fff1d6;color:#7a4b00}
.badge.bad{background:#fde3e3;color:#8a1c1c}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0;font-size:.92rem}
dl.meta dt{color:#4f5d6c}
dl.meta dd{margin:0}
.row{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-top:8px}
.row form{margin:0}
label{font-weight:600}
input,select,button{font:inherit;font-size:16px}
input[type=text],input[type=number],select{min-height:40px;padding:6px 10px;border:1px solid #8d9bab;border-radius:8px;background:#fff;color:inherit;max-width:100%}
input[type=file]{max-width:100%}
input.code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:1.3rem;letter-spacing:.15em;text-transform:uppercase;width:100%;max-width:16ch}
input.num{width:8ch}
.btn{display:inline-block;min-height:40px;padding:7px 14px;border-radius:8px;border:1px solid #0b4f9c;background:#0b4f9c;color:#fff;
 font-weight:600;cursor:pointer;text-decoration:none;line-height:1.5}
.btn.secondary{background:#fff;color:#0b4f9c}
.btn.danger{background:#fff;color:#a11a1a;border-color:#a11a1a}
.btn.small{min-height:34px;padding:4px 10px;font-size:.9rem}
.btn:disabled{opacity:.6;cursor:default}
.field{display:flex;flex-direction:column;gap:4px;margin:0 0 10px}
blockquote.src{margin:6px 0 0;padding:6px 10px;background:#f4f6f9;border-left:3px solid #0b4f9c;color:#2a3642;font-size:.92rem}
blockquote.src .sec{display:block;color:#4f5d6c;font-size:.85rem}
.item{border-top:1px solid #e3e8ee;padding:10px 0 4px}
.item:first-of-type{border-top:0}
.target{display:flex;flex-wrap:wrap;gap:6px 12px;align-items:baseline}
.target strong{font-size:1.05rem}
.inline{display:inline-flex;flex-wrap:wrap;gap:6px;align-items:center;margin:0}
.chart{background:#fff;border:1px solid #d5dde6;border-radius:10px;padding:8px;margin:0 0 12px;overflow:hidden}
.chart svg{display:block;width:100%;max-width:100%;height:auto}
.chart figcaption{font-size:.9rem;margin:6px 4px 2px}
table.grid{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d5dde6;border-radius:10px;font-size:.92rem}
table.grid caption{text-align:left;padding:0 0 6px;color:#4f5d6c;font-size:.9rem}
table.grid th,table.grid td{padding:8px 10px;border-bottom:1px solid #e3e8ee;text-align:left;vertical-align:top}
table.grid thead th{background:#f4f6f9;font-weight:600}
.cell-fig{font-weight:600}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 12px}
pre.preview{white-space:pre-wrap;background:#f4f6f9;border-radius:8px;padding:8px 10px;max-height:16em;overflow:auto;font-size:.85rem}
details summary{cursor:pointer;color:#0b4f9c}
:focus-visible{outline:3px solid #e8a317;outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:640px){
 main{padding:12px}
 .top{padding:8px 12px}
 .nav{order:3;flex-basis:100%}
 .nav a{padding:4px 8px;font-size:.92rem}
 .out button{font-size:.9rem;padding:4px 8px}
 table.grid caption{display:block;width:auto}
 table.grid,table.grid tbody,table.grid tr,table.grid td,table.grid th{display:block;width:100%}
 table.grid{border:0;background:none}
 table.grid thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
 table.grid tr{background:#fff;border:1px solid #d5dde6;border-radius:10px;margin:0 0 10px;padding:4px 0}
 table.grid td,table.grid th{border:0;padding:4px 12px}
 table.grid td[data-label]::before{content:attr(data-label);display:block;color:#4f5d6c;font-size:.8rem;font-weight:400}
 table.grid tbody th{font-size:1rem;padding-top:8px}
}
`;

// Written without template literals or "</" so it embeds safely in this TS string and in <script>.
const SCRIPT = `
(function () {
  'use strict';
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!(form instanceof HTMLFormElement)) return;
    var ask = form.getAttribute('data-confirm');
    if (ask && !window.confirm(ask)) { ev.preventDefault(); return; }
    if (form.getAttribute('data-sent') === '1') { ev.preventDefault(); return; }
    form.setAttribute('data-sent', '1');
    var busy = form.getAttribute('data-busy');
    var button = ev.submitter || form.querySelector('button[type=submit],button:not([type])');
    // Disabled after the submission has taken the button's own name and value.
    setTimeout(function () {
      Array.prototype.forEach.call(form.querySelectorAll('button'), function (b) { b.disabled = true; });
      if (busy && button) button.textContent = busy;
    }, 0);
  });
  window.addEventListener('pageshow', function (ev) {
    if (!ev.persisted) return;
    Array.prototype.forEach.call(document.querySelectorAll('form[data-sent]'), function (f) {
      f.removeAttribute('data-sent');
      Array.prototype.forEach.call(f.querySelectorAll('button'), function (b) { b.disabled = false; });
    });
  });
})();
`;

const cspHash = (source: string) => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;

/**
 * Same-origin forms and images only, and exactly this stylesheet and script, pinned by hash: an
 * injected tag or attribute can neither run nor style anything.
 */
export const STAFF_CSP = [
  "default-src 'none'",
  `script-src ${cspHash(SCRIPT)}`,
  `style-src ${cspHash(STYLE)}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export type Section = 'home' | 'documents' | 'plans' | 'reports';
export type Notice = { kind: 'ok' | 'error' | 'info'; text: string };

export interface LayoutInput {
  title: string;
  body: Raw;
  /** The signed-in person; absent on the sign-in and error pages. */
  session?: { csrf: string };
  section?: Section;
  notices?: Notice[];
}

const NAV: { section: Section; href: string; label: string }[] = [
  { section: 'home', href: '/quan-tri', label: t.nav.home },
  { section: 'documents', href: '/quan-tri/van-ban', label: t.nav.documents },
  { section: 'plans', href: '/quan-tri/ke-hoach', label: t.nav.plans },
  { section: 'reports', href: '/quan-tri/bao-cao', label: t.nav.reports },
];

export const csrfField = (csrf: string): Raw => h`<input type="hidden" name="csrf" value="${csrf}">`;

export const noticeBox = (n: Notice): Raw =>
  h`<div class="notice ${n.kind}" role="${n.kind === 'error' ? 'alert' : 'status'}">${n.text}</div>`;

/** A whole page. */
export function layout(p: LayoutInput): string {
  const nav = p.session
    ? h`<nav class="nav" aria-label="${t.area}">${NAV.map(
        (n) => h`<a href="${n.href}"${raw(n.section === p.section ? ' aria-current="page"' : '')}>${n.label}</a>`,
      )}</nav>
<form class="out" method="post" action="/quan-tri/dang-xuat">${csrfField(p.session.csrf)}<button type="submit">${t.nav.signOut}</button></form>`
    : '';
  return h`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<link rel="icon" href="data:,">
<title>${p.title} · ${t.area} · ${t.appName}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header class="top"><div class="top-in">
<p class="brand"><a href="/quan-tri">${t.appName}<small>${t.area}</small></a></p>
${nav}
</div></header>
<main id="main">
${(p.notices ?? []).map(noticeBox)}
${p.body}
</main>
<script>${raw(SCRIPT)}</script>
</body>
</html>
`.html;
}

/** "2025-12-05T03:00:00.000Z" → "10:00 05/12/2025" (Vietnam time). */
export function viDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const v = new Date(d.getTime() + 7 * 3_600_000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(v.getUTCHours())}:${p2(v.getUTCMinutes())} ${p2(v.getUTCDate())}/${p2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}

/** "2025-09-03" → "03/09/2025". */
export const viDate = (iso: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : iso);
