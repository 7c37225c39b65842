/**
 * Hostile strings for every text field: script tags, event handlers, `javascript:` URLs, SVG and
 * MathML payloads, attribute and element breakers, markdown links. Each one that could run sets
 * `window.__xss` or opens a dialog, so a spec can see that none did. All fit in 100 characters.
 */
export const XSS_CORPUS = [
  `<script>window.__xss=1;alert(1)</script>`,
  `<img src=x onerror="window.__xss=2;alert(2)">`,
  `<svg onload="window.__xss=3;alert(3)"></svg>`,
  `<svg><script>window.__xss=4;alert(4)</script></svg>`,
  `"><img src=x onerror=window.__xss=5>`,
  `'><svg/onload=window.__xss=6>`,
  `javascript:window.__xss=7;alert(7)`,
  `[click me](javascript:window.__xss=8)`,
  `![pic](x" onerror="window.__xss=9)`,
  `<a href="javascript:window.__xss=10">link</a>`,
  `<iframe src="javascript:window.__xss=11"></iframe>`,
  `<details open ontoggle=window.__xss=12>`,
  `</textarea><script>window.__xss=13</script>`,
  `</title><script>window.__xss=14</script>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=15>`,
  `<style>*{background:url("javascript:window.__xss=16")}</style>`,
  `[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNyk8L3NjcmlwdD4=)`,
  `<object data="javascript:window.__xss=18"></object>`,
  `{{constructor.constructor('window.__xss=19')()}}`,
  `<body onload=window.__xss=20>`,
] as const;

/** The i-th payload, cycling, with a short tag so a reader can tell fields apart in a failure. */
export const payload = (i: number) => XSS_CORPUS[i % XSS_CORPUS.length]!;

/** Markdown for long-form text: every payload, plus link and image forms markdown renderers know. */
export const markdownPayload = [
  "# Heading <script>window.__xss=21</script>",
  ...XSS_CORPUS.map((p) => `- ${p}`),
  "[inline js](javascript:window.__xss=22) and [vb](vbscript:msgbox(23)) and <javascript:window.__xss=24>",
  "[ref link][r]",
  "",
  "[r]: javascript:window.__xss=25",
  "",
  '<a href="#" onclick="window.__xss=26">raw html link</a>',
].join("\n");
