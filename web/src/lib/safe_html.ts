// Server-rendered HTML put into the page (a document version's body, GET
// /api/v1/document_versions/{id}/html). The server has removed raw HTML and unsafe links already;
// this copies only the elements CommonMark produces, node by node (never innerHTML on the page),
// so neither a script, a style attribute the CSP forbids, nor an image loaded from elsewhere can
// reach the page even if the server's answer changed. Headings move down by `headingShift`
// levels so the document's outline nests under the screen's.

const kElements = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code', 'em',
  'strong', 'a', 'hr', 'br', 'del',
]);
// Elements whose content is not text to show.
const kDropped = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript']);
const kSafeLink = /^(https?:|mailto:|#|\/|\.\/|\.\.\/|[^:]*$)/i;

function copyInto(node: Node, into: Node, headingShift: number): void {
  if (node.nodeType === Node.TEXT_NODE) {
    into.appendChild(document.createTextNode(node.textContent ?? ''));
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const source = node as Element;
  let tag = source.tagName.toLowerCase();
  if (kDropped.has(tag)) {
    return;
  }
  if (tag === 'img') {
    into.appendChild(document.createTextNode(source.getAttribute('alt') ?? ''));
    return;
  }
  let target = into;
  if (kElements.has(tag)) {
    if (/^h[1-6]$/.test(tag)) {
      tag = `h${Math.min(6, Number(tag[1]) + headingShift)}`;
    }
    const copy = document.createElement(tag);
    const href = source.getAttribute('href');
    if (tag === 'a' && href !== null && kSafeLink.test(href.trim())) {
      copy.setAttribute('href', href.trim());
      copy.setAttribute('rel', 'noopener noreferrer');
    }
    const start = source.getAttribute('start');
    if (tag === 'ol' && start !== null && /^\d+$/.test(start)) {
      copy.setAttribute('start', start);
    }
    into.appendChild(copy);
    target = copy;
  }
  for (const child of Array.from(source.childNodes)) {
    copyInto(child, target, headingShift);
  }
}

/** `html` parsed in an inert document and copied element by element into a fragment. */
export function safeFragment(html: string, headingShift: number): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const out = document.createDocumentFragment();
  for (const node of Array.from(parsed.body.childNodes)) {
    copyInto(node, out, headingShift);
  }
  return out;
}
