/**
 * The web channel's only page: a self-contained chat UI (inline CSS and vanilla JS, no external
 * assets), so it works behind any proxy and offline from CDNs.
 *
 * Untrusted text (answers, quotes, titles) only ever reaches the DOM through `textContent`, and
 * the Content-Security-Policy pins the two inline blocks by hash, so injected markup cannot run.
 */
import { createHash } from 'node:crypto';

const STYLE = `
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{display:flex;flex-direction:column;height:100vh;height:100dvh;overflow:hidden;
 font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;
 color:#1c2733;background:#eef2f6}
.top{background:#0b4f9c;color:#fff;padding:10px max(16px,calc((100% - 760px)/2)) 12px}
.top h1{margin:0;font-size:1.2rem;line-height:1.3}
.top p{margin:2px 0 0;font-size:.8rem;line-height:1.35;color:#e3edf9}
.log{flex:1;overflow-y:auto;overflow-x:hidden;position:relative;display:flex;flex-direction:column;gap:10px;
 padding:12px max(12px,calc((100% - 760px)/2))}
.msg{max-width:88%;padding:9px 12px;border-radius:14px;overflow-wrap:anywhere}
.msg p{margin:0}
.text{white-space:pre-wrap}
.user{align-self:flex-end;background:#0b4f9c;color:#fff;border-bottom-right-radius:4px}
.bot{align-self:flex-start;max-width:94%;background:#fff;border:1px solid #d5dde6;border-bottom-left-radius:4px}
.welcome{align-self:stretch;max-width:none;background:none;padding:4px 0;color:#3d4b5a}
.error{align-self:stretch;max-width:none;background:#fdecec;border:1px solid #e5a3a3;color:#8a1c1c}
.typing{color:#4a5868;font-style:italic;animation:pulse 1.2s ease-in-out infinite}
@keyframes pulse{50%{opacity:.45}}
@media (prefers-reduced-motion:reduce){.typing{animation:none}}
.chips,.choices{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}
.chip{font:inherit;font-size:.9rem;line-height:1.3;min-height:36px;padding:6px 12px;border-radius:18px;
 border:1px solid #0b4f9c;background:#fff;color:#0b4f9c;cursor:pointer;text-align:left}
.chip:hover{background:#e8f0fa}
.chip:disabled{opacity:.55;cursor:default}
.cites{list-style:none;margin:8px 0 0;padding:6px 0 0;border-top:1px solid #e3e8ee;font-size:.9rem}
.cites summary{cursor:pointer;color:#0b4f9c;padding:3px 0}
.cites .n{font-weight:700}
.cites .sec{color:#4f5d6c}
.cites blockquote{margin:4px 0 6px;padding:6px 10px;background:#f4f6f9;border-left:3px solid #0b4f9c;
 white-space:pre-wrap;color:#2a3642}
figure{margin:8px 0 0}
figure img{display:block;max-width:100%;height:auto;border-radius:8px}
figcaption{font-size:.85rem;color:#4a5868;margin-top:4px}
.composer{display:flex;gap:8px;background:#fff;border-top:1px solid #d5dde6;
 padding:8px max(12px,calc((100% - 760px)/2)) calc(8px + env(safe-area-inset-bottom))}
.composer input{flex:1;min-width:0;font:inherit;font-size:16px;padding:10px 14px;border:1px solid #8d9bab;
 border-radius:22px;color:inherit;background:#fff}
.composer button{font:inherit;font-weight:600;padding:0 18px;border:0;border-radius:22px;background:#0b4f9c;
 color:#fff;cursor:pointer}
.composer button:disabled{background:#7d8fa5;cursor:default}
:focus-visible{outline:3px solid #e8a317;outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

// Written without template literals or "</" so it embeds safely in this TS string and in <script>.
const SCRIPT = `
(function () {
  'use strict';
  var KEY = 'troLyThiDua.userId';
  var NETWORK_ERROR = 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.';
  var BAD_ANSWER = 'Xin lỗi, hệ thống đang gặp sự cố. Vui lòng thử lại sau.';
  var log = document.getElementById('log');
  var form = document.getElementById('composer');
  var input = document.getElementById('q');
  var sendBtn = document.getElementById('send');
  var typing = document.getElementById('typing');
  var busy = false;
  var userId = loadUserId();

  function newId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return 'w' + Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }
  // One anonymous id per browser; private modes may refuse storage, then the id lives per tab.
  function loadUserId() {
    try {
      var id = localStorage.getItem(KEY);
      if (id && /^[A-Za-z0-9_-]{1,64}$/.test(id)) return id;
      id = newId();
      localStorage.setItem(KEY, id);
      return id;
    } catch (e) { return newId(); }
  }
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = String(text);
    return n;
  }
  // The typing indicator stays the log's last child, so messages go in before it.
  function add(node) { log.insertBefore(node, typing); return node; }
  function scrollTo(node) { log.scrollTop = Math.max(0, node.offsetTop - 8); }
  function setBusy(on) {
    busy = on;
    sendBtn.disabled = on;
    typing.hidden = !on;
    log.setAttribute('aria-busy', on ? 'true' : 'false');
    Array.prototype.forEach.call(document.querySelectorAll('.chip'), function (b) { b.disabled = on; });
    if (on) log.scrollTop = log.scrollHeight;
  }
  function chip(label, onClick) {
    var b = el('button', 'chip', label);
    b.type = 'button';
    b.disabled = busy;
    b.addEventListener('click', onClick);
    return b;
  }
  function renderReply(r) {
    var box = el('div', 'msg bot');
    if (r.text) box.appendChild(el('p', 'text', r.text));
    if (r.image && typeof r.image.dataUrl === 'string' && r.image.dataUrl.indexOf('data:image/') === 0) {
      var fig = el('figure');
      var img = el('img');
      img.src = r.image.dataUrl;
      img.alt = r.image.caption || 'Hình minh họa';
      fig.appendChild(img);
      if (r.image.caption) fig.appendChild(el('figcaption', null, r.image.caption));
      box.appendChild(fig);
    }
    if (Array.isArray(r.citations) && r.citations.length) {
      var ol = el('ol', 'cites');
      ol.setAttribute('aria-label', 'Trích dẫn');
      r.citations.forEach(function (c, i) {
        var d = el('details');
        var s = el('summary');
        s.appendChild(el('span', 'n', '[' + (i + 1) + '] '));
        s.appendChild(el('span', null, c.title));
        if (c.section) s.appendChild(el('span', 'sec', ' — ' + c.section));
        d.appendChild(s);
        d.appendChild(el('blockquote', null, c.quote));
        ol.appendChild(el('li')).appendChild(d);
      });
      box.appendChild(ol);
    }
    if (Array.isArray(r.choices) && r.choices.length) {
      var row = el('div', 'choices');
      r.choices.forEach(function (c) {
        row.appendChild(chip(c.label, function () { send(c.label, c.payload, false); }));
      });
      box.appendChild(row);
    }
    return add(box);
  }
  async function send(text, payload, typed) {
    if (busy || (!text && !payload)) return;
    var old = log.querySelector('.error');
    if (old) old.remove();
    if (text) add(el('div', 'msg user text', text));
    setBusy(true);
    try {
      var body = { userId: userId, text: text };
      if (payload) body.payload = payload;
      var res;
      try {
        res = await fetch('api/chat', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body)
        });
      } catch (e) { throw new Error(NETWORK_ERROR); }
      var data = null;
      try { data = await res.json(); } catch (e) { data = null; }
      if (!res.ok || !data || !Array.isArray(data.replies)) {
        throw new Error(data && typeof data.error === 'string' ? data.error : BAD_ANSWER);
      }
      var first = null;
      data.replies.forEach(function (r) { var n = renderReply(r); first = first || n; });
      setBusy(false);
      if (first) scrollTo(first);
    } catch (e) {
      setBusy(false);
      var err = add(el('div', 'msg error', e && e.message ? e.message : BAD_ANSWER));
      err.setAttribute('role', 'alert');
      log.scrollTop = log.scrollHeight;
      // Give the question back so a retry is one keypress.
      if (typed && !input.value) input.value = text;
    }
    if (typed) input.focus();
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text || busy) return;
    input.value = '';
    send(text, undefined, true);
  });
  Array.prototype.forEach.call(document.querySelectorAll('#welcome .chip'), function (b) {
    b.addEventListener('click', function () { send(b.textContent, undefined, false); });
  });
})();
`;

const SUGGESTIONS = ['Chỉ tiêu năm 2025 là gì?', 'Hạn nộp báo cáo hằng năm?', 'Tiêu chuẩn Bằng khen Thủ tướng?'];

const HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="color-scheme" content="light">
<link rel="icon" href="data:,">
<title>Trợ lý Thi đua</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<h1>Trợ lý Thi đua</h1>
<p>Hỏi đáp về phong trào “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và “Bình dân học vụ số”, có trích dẫn văn bản.</p>
</header>
<main id="log" class="log" role="log" aria-live="polite" aria-label="Cuộc trò chuyện">
<section id="welcome" class="msg welcome" aria-label="Gợi ý câu hỏi">
<p>Xin chào! Hãy đặt câu hỏi, hoặc chọn một gợi ý:</p>
<div class="chips">${SUGGESTIONS.map((s) => `<button type="button" class="chip">${s}</button>`).join('')}</div>
</section>
<div id="typing" class="msg bot typing" hidden>Đang trả lời…</div>
</main>
<form id="composer" class="composer">
<label for="q" class="sr-only">Câu hỏi của bạn</label>
<input id="q" name="q" type="text" autocomplete="off" maxlength="2000" enterkeyhint="send" placeholder="Nhập câu hỏi…">
<button id="send" type="submit">Gửi</button>
</form>
<script>${SCRIPT}</script>
</body>
</html>
`;

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/**
 * The chat page and the Content-Security-Policy that fits it.
 *
 * The policy allows only same-origin requests, `data:` images (replies carry PNGs as data URLs)
 * and exactly the page's own inline `<style>` and `<script>`, pinned by SHA-256 hash.
 */
export const chatPage: { readonly html: string; readonly contentSecurityPolicy: string } = {
  html: HTML,
  contentSecurityPolicy: [
    "default-src 'none'",
    `script-src ${cspHash(SCRIPT)}`,
    `style-src ${cspHash(STYLE)}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
};
