// scholar-search web page: plain JavaScript, no framework.
// Every piece of corpus or query text reaches the page through textContent or createTextNode;
// the only markup taken from the server is <mark> in snippets, rebuilt here element by element.
'use strict';

const PAGE_SIZE = 10;
const FACETS = [
  ['author', 'Authors'], ['category', 'Categories'], ['year', 'Years'], ['venue', 'Venues'], ['type', 'Types'],
];
const FILTER_KEYS = ['author', 'category', 'venue', 'type', 'year', 'hasCode'];

const $ = (sel) => document.querySelector(sel);
const view = () => $('#view');

/** Creates an element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&#x2F;': '/' };
function decodeEntities(s) {
  return s.replace(/&(lt|gt|amp|quot|#39|#x27|#x2F);/g, (m) => ENTITIES[m] || m);
}

/** The server's escaped snippet with <mark> tags, as DOM nodes: text stays text. */
function snippetNodes(snippet) {
  const out = [];
  let marked = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    if (!part) continue;
    const text = decodeEntities(part);
    out.push(marked ? el('mark', {}, text) : document.createTextNode(text));
  }
  return out;
}

/** How papers are matched; '' is the server's default (hybrid when the index has vectors). */
const MODES = new Set(['lexical', 'semantic', 'hybrid']);
/** The match switch's choices, on the search and the experts page. */
const MODE_CHOICES = [['hybrid', 'Words + meaning'], ['lexical', 'Words only'], ['semantic', 'Meaning only']];

/** Why a hit is there, in words people use. */
function whyTag(h) {
  if (!h.matchedBy) return null;
  const sim = h.similarity != null ? ` (similarity ${h.similarity.toFixed(2)})` : '';
  const text = h.matchedBy === 'both' ? 'words + meaning' : h.matchedBy === 'semantic' ? 'close in meaning' : 'matches your words';
  return el('span', { class: 'why-tag why-' + h.matchedBy, title: h.matchedBy === 'lexical' ? 'The paper uses your query words'
    : 'The paper\'s embedding is close to your query\'s' + sim }, text);
}

// arXiv's computer-science subjects: the server files "LG" and "cs.lg" under "cs.LG" (CategoryCode),
// so a filter written either way in the URL marks the one facet value as pressed.
const CS_SUBJECTS = new Set('AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE NI OH OS PF PL RO SC SD SE SI SY'.split(' '));
function canonicalCategory(v) {
  const m = /^(cs\.)?([a-z]{2})$/i.exec(v.trim());
  if (!m) return v;
  const subject = m[2].toUpperCase();
  return CS_SUBJECTS.has(subject) && (m[1] || m[2] === subject) ? 'cs.' + subject : v;
}

/** The page's state lives in the URL: view, query, filters, sort, match mode and page. */
function readState() {
  const p = new URLSearchParams(location.search);
  return {
    view: p.get('view') || 'search',
    id: p.get('id') || '',
    q: p.get('q') || '',
    topic: p.get('topic') || '',
    sort: p.get('sort') || 'relevance',
    mode: MODES.has(p.get('mode')) ? p.get('mode') : '',
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    scope: p.get('scope') || 'all',
    filters: FILTER_KEYS.flatMap((k) => p.getAll(k).map((v) => [k, k === 'category' ? canonicalCategory(v) : v])),
  };
}

function urlFor(state) {
  const p = new URLSearchParams();
  if (state.view && state.view !== 'search') p.set('view', state.view);
  if (state.id) p.set('id', state.id);
  if (state.q) p.set('q', state.q);
  if (state.topic) p.set('topic', state.topic);
  if (state.sort && state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.mode) p.set('mode', state.mode);
  if (state.page && state.page > 1) p.set('page', state.page);
  if (state.scope && state.scope !== 'all') p.set('scope', state.scope);
  for (const [k, v] of state.filters || []) p.append(k, v);
  const qs = p.toString();
  return '/' + (qs ? '?' + qs : '');
}

function go(state, replace = false) {
  const url = urlFor(state);
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  render();
}

function link(text, state, attrs = {}) {
  return el('a', { href: urlFor(state), ...attrs, onclick: (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    go(state);
  } }, text);
}

const paperLink = (title, id) => link(title, { view: 'paper', id }, { class: 'paper-link' });
const researcherLink = (name, id) => link(name, { view: 'researcher', id }, { class: 'researcher-link' });

// The last list of results (a search or an expert ranking), so a paper or a researcher can lead
// back to it with the query and filters as they were. Per tab, like the history it shortens.
const BACK_KEY = 'scholar-search.back';
function rememberList(label) {
  try { sessionStorage.setItem(BACK_KEY, JSON.stringify({ url: location.pathname + location.search, label })); } catch (e) { /* storage off */ }
}
function backLink() {
  let last = null;
  try { last = JSON.parse(sessionStorage.getItem(BACK_KEY) || 'null'); } catch (e) { /* storage off or garbled */ }
  if (!last || typeof last.url !== 'string' || !last.url.startsWith('/') || last.url.startsWith('//')) return null;
  return el('p', { class: 'back' }, el('a', { href: last.url, id: 'back', onclick: (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    history.pushState(null, '', last.url);
    render();
  } }, '← Back to ' + last.label));
}

class ApiError extends Error {
  constructor(message, status) { super(message); this.status = status; }
}

async function api(path, options) {
  let res;
  try {
    res = await fetch(path, options);
  } catch (e) {
    throw new ApiError('The server cannot be reached. Is "./scholar" still running?', 0);
  }
  let body = null;
  try { body = await res.json(); } catch (e) { /* not JSON */ }
  if (!res.ok) {
    throw new ApiError(body && body.message ? body.message : `The server answered ${res.status}.`, res.status);
  }
  return body;
}

function setStatus(text, isError = false) {
  const s = $('#status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

function problem(err) {
  setStatus(err.message, true);
  return el('div', { class: 'problem', role: 'alert' },
    el('p', {}, err.status === 404 ? 'Not found:' : err.status ? 'The request was refused:' : 'Something went wrong:'),
    el('p', { class: 'problem-message' }, err.message));
}

function paramsFor(filters) {
  const p = new URLSearchParams();
  for (const [k, v] of filters) p.append(k, v);
  return p;
}

/** A line of small facts; bare strings become spans so that the flex gap separates them. */
function meta(...children) {
  return el('div', { class: 'meta' }, children.flat().map((c) => (typeof c === 'string' ? el('span', {}, c) : c)));
}

/** Authors as every response gives them ({name, id, href}), each a link to the researcher. */
function authorLinks(authors) {
  return el('span', { class: 'authors' }, (authors || []).flatMap((a, i) => {
    const node = a.id ? researcherLink(a.name, a.id) : document.createTextNode(a.name);
    return i === 0 ? [node] : [', ', node];
  }));
}

function metaLine(h) {
  return meta(
    authorLinks(h.authors),
    h.year ? el('span', { class: 'year' }, String(h.year)) : null,
    (h.categories || []).map((c) => el('span', { class: 'cat' }, c)),
    h.venue ? el('span', { class: 'venue' }, h.venue) : null,
    h.hasCode ? el('span', { class: 'badge' }, 'code') : null);
}

// ---------- search ----------

const MAX_PAGE = 10000 / PAGE_SIZE;

async function renderSearch(state) {
  $('#q').value = state.q;
  if (state.page > MAX_PAGE) {
    setStatus(`There is no page ${state.page}: results can be paged up to page ${MAX_PAGE}.`, true);
    return el('div', { class: 'empty' }, el('p', {}, `Only the first ${MAX_PAGE} pages of results can be shown.`),
      el('p', {}, link('Back to page 1', { ...state, page: 1 })));
  }
  const p = paramsFor(state.filters);
  if (state.q) p.set('q', state.q);
  p.set('limit', PAGE_SIZE);
  p.set('offset', (state.page - 1) * PAGE_SIZE);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  // A listing (no words) has no meaning to match: the server lists it the same in every mode.
  if (state.mode && state.q) p.set('mode', state.mode);
  setStatus('Searching…');
  // The results come first and the facet counts after them, in a request of their own: on a large
  // corpus counting is most of a search's time, and the results need not wait for it. The counts
  // are asked for once the results are in, not alongside: on two cores the two requests would
  // only slow each other down (86k papers: results alone ~35 ms, each of the pair ~55 ms).
  const counting = new URLSearchParams(p);
  counting.set('limit', 1);
  counting.set('offset', 0);
  counting.delete('sort');
  p.set('facetLimit', 0);
  // The health answer (does the index have vectors?) only shapes the toolbar: fetched alongside.
  const [health, data] = await Promise.all([HEALTH, api('/api/search?' + p)]);
  const facetsAnswer = api('/api/search?' + counting);
  const active = new Set(state.filters.map(([k, v]) => k + '\u0000' + v));
  const toggle = (k, v) => {
    const key = k + '\u0000' + v;
    const filters = active.has(key) ? state.filters.filter(([a, b]) => a + '\u0000' + b !== key) : [...state.filters, [k, v]];
    go({ ...state, filters, page: 1 });
  };

  const facets = el('aside', { class: 'facets', 'aria-label': 'Filters', 'aria-busy': 'true' },
    el('p', { class: 'status' }, 'Counting…'));
  facetsAnswer.then((counts) => {
    facets.replaceChildren(...facetSections(counts, active, toggle));
    facets.removeAttribute('aria-busy');
  }).catch((e) => { facets.replaceChildren(problem(e)); facets.removeAttribute('aria-busy'); });


  const chips = el('div', { class: 'chips', 'aria-label': 'Active filters' }, state.filters.map(([k, v]) =>
    el('button', { type: 'button', class: 'chip', 'aria-label': `Remove filter ${k}: ${v}`, onclick: () => toggle(k, v) },
      `${k === 'hasCode' ? 'has code' : k}: ${v}`, el('span', { 'aria-hidden': 'true' }, '×'))));

  // With no query the server lists newest first, so the box says so.
  const effectiveSort = !state.q && state.sort === 'relevance' ? '-date' : state.sort;
  const sort = el('select', { id: 'sort', onchange: (e) => go({ ...state, sort: e.target.value, page: 1 }) },
    [['relevance', 'Relevance'], ['-date', 'Newest first'], ['date', 'Oldest first']].map(([v, t]) =>
      el('option', { value: v, selected: effectiveSort === v }, t)));
  // The match switch shows only when the index has vectors; without them every search is lexical.
  const effectiveMode = state.mode || (health && health.defaultMode) || 'lexical';
  const modeSwitch = health && health.vectors ? el('select', { id: 'mode', title: 'How papers are matched',
    onchange: (e) => go({ ...state, mode: e.target.value === health.defaultMode ? '' : e.target.value, page: 1 }) },
  MODE_CHOICES.map(([v, t]) =>
    el('option', { value: v, selected: effectiveMode === v }, t))) : null;

  const hits = data.hits.length
    ? el('ol', { class: 'results', start: (state.page - 1) * PAGE_SIZE + 1 }, data.hits.map((h) => el('li', { class: 'result' },
      el('h3', {}, paperLink(h.title, h.id)),
      metaLine(h),
      h.snippet ? el('p', { class: 'snippet' }, snippetNodes(h.snippet)) : null,
      data.mode && data.mode !== 'lexical' ? el('p', { class: 'why' }, 'Why: ', whyTag(h)) : null)))
    : el('div', { class: 'empty' }, el('p', {}, state.q ? `No papers match “${state.q}”.` : 'No papers match these filters.'),
      state.filters.length ? el('p', {}, 'Try removing a filter.') : el('p', {}, 'Try fewer or other words.'));

  const pages = Math.max(1, Math.ceil(Math.min(data.total, 10000) / PAGE_SIZE));
  const pager = pages > 1 ? el('nav', { class: 'pager', 'aria-label': 'Pages' },
    el('button', { type: 'button', disabled: state.page <= 1, onclick: () => go({ ...state, page: state.page - 1 }) }, '‹ Previous'),
    pageNumbers(state.page, pages).map((n) => n === '…' ? el('span', {}, '…')
      : el('button', { type: 'button', 'aria-current': n === state.page ? 'page' : null, onclick: () => go({ ...state, page: n }) }, String(n))),
    el('button', { type: 'button', disabled: state.page >= pages, onclick: () => go({ ...state, page: state.page + 1 }) }, 'Next ›')) : null;

  setStatus(`${data.total.toLocaleString('en')} ${data.total === 1 ? 'paper' : 'papers'}` + (state.q ? ` for “${state.q}”` : ''));
  rememberList(state.q ? `results for “${state.q}”` : 'all papers');
  return el('div', { class: 'layout' }, facets,
    el('section', { 'aria-label': 'Results' },
      el('div', { class: 'toolbar' }, chips, modeSwitch ? el('label', { for: 'mode' }, 'Match') : null, modeSwitch,
        el('label', { for: 'sort' }, 'Sort'), sort),
      hits, pager));
}

/** The filter panel: each facet's values with their counts, and the has-code switch. */
function facetSections(data, active, toggle) {
  const estimated = (dim) => (data.estimatedFacets || []).includes(dim);
  return [
    ...FACETS.map(([dim, label]) => {
      const values = [...(data.facets[dim] || [])];
      if (dim === 'year') values.sort((a, b) => b.value.localeCompare(a.value)); // years read best newest first
      if (!values.length) return null;
      return el('section', { 'data-facet': dim },
        el('h2', { id: 'facet-' + dim }, label),
        el('ul', { 'aria-labelledby': 'facet-' + dim }, values.map((fv) => el('li', {},
          el('button', { type: 'button', 'aria-pressed': active.has(dim + '\u0000' + fv.value) ? 'true' : 'false',
            'data-value': fv.value, onclick: () => toggle(dim, fv.value) },
            el('span', { class: 'label' }, fv.value), el('span', { class: 'count', title: estimated(dim) ? 'estimated from a sample of the matches' : null },
              (estimated(dim) ? '≈' : '') + fv.count.toLocaleString('en')))))));
    }),
    el('section', {},
      el('h2', {}, 'Code'),
      el('ul', {}, el('li', {}, el('button', { type: 'button', id: 'has-code',
        'aria-pressed': active.has('hasCode\u0000true') ? 'true' : 'false', onclick: () => toggle('hasCode', 'true') },
        el('span', {}, 'Has code')))))].filter(Boolean);
}

function pageNumbers(current, total) {
  const out = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= 2) out.push(n);
    else if (out[out.length - 1] !== '…') out.push('…');
  }
  return out;
}

// ---------- paper ----------

async function renderPaper(state) {
  setStatus('Loading paper…');
  const p = await api('/api/papers/' + encodeURIComponent(state.id));
  document.title = p.title + ' · scholar-search';
  const similar = el('section', { 'aria-labelledby': 'similar-h' }, el('h2', { id: 'similar-h' }, 'Similar papers'),
    el('p', { class: 'status' }, 'Finding similar papers…'));
  api('/api/papers/' + encodeURIComponent(state.id) + '/similar?limit=10').then((r) => {
    similar.replaceChildren(el('h2', { id: 'similar-h' }, 'Similar papers'), r.hits.length
      ? el('ol', { class: 'results similar' }, r.hits.map((h) => el('li', { class: 'result' },
        el('h3', {}, paperLink(h.title, h.id)),
        metaLine(h),
        el('p', { class: 'why' }, 'Why: ' + h.reason))))
      : el('p', { class: 'empty' }, 'No similar papers found.'));
  }).catch((e) => similar.replaceChildren(el('h2', {}, 'Similar papers'), problem(e)));

  setStatus('');
  return el('article', { class: 'detail paper' },
    backLink(),
    el('h1', {}, p.title),
    meta(
      authorLinks(p.authors),
      p.date ? el('span', {}, p.date) : (p.year ? el('span', {}, String(p.year)) : null),
      (p.categories || []).map((c) => el('span', { class: 'cat' }, c)),
      p.venue ? el('span', {}, p.venue) : null, p.type ? el('span', {}, p.type) : null,
      p.hasCode ? el('span', { class: 'badge' }, 'code') : null),
    fullText(p),
    idLinks(p.ids),
    (p.keywords || []).length ? el('p', { class: 'keywords' }, 'Keywords: ', p.keywords.join('; ')) : null,
    el('section', { 'aria-labelledby': 'abs-h' }, el('h2', { id: 'abs-h' }, 'Abstract'),
      el('p', { class: 'abstract' }, p.abstractText || 'No abstract.'),
      p.rawAbstract && p.rawAbstract !== p.abstractText
        ? el('details', {}, el('summary', {}, 'Raw text as found'), el('pre', { class: 'abstract raw' }, p.rawAbstract)) : null),
    el('section', { 'aria-labelledby': 'src-h' }, el('h2', { id: 'src-h' }, 'Sources'),
      el('ul', { class: 'sources' }, p.sources.map((s) => el('li', {}, sourceLabel(s)))),
      p.versions.length ? el('div', {}, el('h3', {}, 'Merged versions'),
        el('ul', { class: 'versions' }, p.versions.map((v) => el('li', {}, v.title, ' (', sourceLabel(v.source), ')')))) : null),
    similar);
}

/** A source in words, the page's owner linked; the file and item it came from on hover. */
function sourceLabel(s) {
  if (!s.researcher) return el('span', { title: s.ref }, s.label);
  const owner = s.researcher.name;
  const rest = s.label.startsWith(owner) ? s.label.slice(owner.length) : ' · ' + s.label;
  return el('span', { title: s.ref }, researcherLink(owner, s.researcher.id), rest);
}

/** Where to read the paper itself: its own address, else its DOI, else its arXiv abstract page. */
function fullText(p) {
  const byKind = (k) => (p.ids || []).find((i) => i.kind === k && i.url);
  const target = p.url ? { url: p.url, text: 'Read the paper' } : byKind('doi') ? { url: byKind('doi').url, text: 'Read the paper (DOI)' }
    : byKind('arxiv') ? { url: byKind('arxiv').url, text: 'Read the paper on arXiv' } : null;
  if (!target || !/^https?:\/\//i.test(target.url)) return null;
  let host = '';
  try { host = new URL(target.url).host; } catch (e) { return null; }
  return el('p', { class: 'fulltext' }, el('a', { href: target.url, rel: 'noopener', target: '_blank', id: 'fulltext' }, target.text + ' ↗'),
    el('span', { class: 'host' }, ' ' + host));
}

// ---------- identifiers ----------

const ID_LABELS = { doi: 'DOI', arxiv: 'arXiv', openalex: 'OpenAlex', s2: 'Semantic Scholar', orcid: 'ORCID', id: 'id' };

/** A paper's or a person's identifiers, each a link to its page where it has one. */
function idLinks(ids) {
  if (!ids || !ids.length) return null;
  return el('p', { class: 'ids' }, ids.flatMap((i, n) => {
    const label = `${ID_LABELS[i.kind] || i.kind} ${i.id}`;
    const item = i.url ? el('a', { href: i.url, rel: 'noopener', target: '_blank' }, label) : el('span', {}, label);
    return n === 0 ? [item] : [' · ', item];
  }));
}

// ---------- researcher ----------

const STAT_LABELS = {
  trustScore: 'Trust score', trustLabel: 'Trust', verificationLevel: 'Verification', claimStatus: 'Claim', works: 'Works',
  followers: 'Followers', topics: 'Topics', collaborators: 'Close collaborators', primaryCategory: 'Primary category',
  hIndex: 'h-index', papers: 'Papers', citations: 'Citations', noveltyPercent: 'Novelty %', aiScore: 'AI score',
  listedPapers: 'Papers on the page',
};
// What each figure means, on hover. They are the profile page's own figures, copied as it shows them.
const STAT_HELP = {
  trustScore: 'The trust score the profile page shows for this researcher (its site computes it; 0-100)',
  trustLabel: 'The page\'s word for that trust score',
  verificationLevel: 'How far the page\'s site has verified that this profile is this person',
  claimStatus: 'Whether the researcher has claimed this profile on the page\'s site',
  works: 'Works the page counts for them; it may list fewer',
  followers: 'People following this profile on the page\'s site',
  topics: 'Research topics the page counts',
  collaborators: 'Close collaborators the page counts',
  primaryCategory: 'The category the page gives as their main one',
  hIndex: 'h-index as the page gives it: h papers cited at least h times each',
  papers: 'Papers the page counts for them; it may list fewer',
  citations: 'Citations the page counts over all their papers',
  noveltyPercent: 'The page\'s novelty figure for their work, in percent',
  aiScore: 'The page\'s AI score for their work',
  listedPapers: 'Papers the page actually lists (and this index read)',
};
const LAYOUT_TITLES = { TRUST_PROFILE: 'Trust-score profile page', METRICS_PROFILE: 'Metrics profile page' };

/** A profile page's figures, each explained on hover; "papers on the page" only when it differs from "papers". */
function profileStats(stats) {
  const entries = Object.entries(stats).filter(([k]) => k !== 'kind' && STAT_LABELS[k])
    .filter(([k, v]) => !(k === 'listedPapers' && v === stats.papers));
  return el('dl', { class: 'stats' }, entries.flatMap(([k, v]) => [
    el('dt', { title: STAT_HELP[k] || null, class: STAT_HELP[k] ? 'explained' : null }, STAT_LABELS[k]),
    el('dd', {}, String(v))]));
}

async function renderResearcher(state) {
  setStatus('Loading researcher…');
  const r = await api('/api/researchers/' + encodeURIComponent(state.id));
  document.title = r.name + ' · scholar-search';
  const tagline = r.profiles.map((p) => p.tagline).find((t) => t);
  const maxYear = Math.max(1, ...r.papersPerYear.map((y) => y.count));
  setStatus('');
  return el('article', { class: 'detail researcher' },
    backLink(),
    el('h1', {}, r.name),
    tagline ? el('p', { class: 'tagline' }, tagline) : null,
    idLinks(r.identifiers),
    (r.nameVariants || []).length > 1
      ? el('p', { class: 'variants' }, 'Also written as: ', r.nameVariants.filter((v) => v !== r.name).join('; ')) : null,
    meta(`${r.paperCount} ${r.paperCount === 1 ? 'paper' : 'papers'}`,
      r.hasProfile ? el('span', { class: 'badge' }, 'profile') : el('span', {}, 'no profile page')),
    r.profiles.length ? el('section', { 'aria-labelledby': 'pages-h' }, el('h2', { id: 'pages-h' }, 'Profile pages'),
      el('div', { class: 'profiles' }, r.profiles.map((p) => el('div', { class: 'card' },
        el('h3', {}, LAYOUT_TITLES[p.layout] || 'Profile page'),
        el('p', { class: 'source-file' }, 'from ' + p.source),
        profileStats(p.stats))))) : null,
    r.papersPerYear.length ? el('section', { 'aria-labelledby': 'years-h' }, el('h2', { id: 'years-h' }, 'Papers per year'),
      chart(r.papersPerYear, maxYear)) : null,
    el('section', { 'aria-labelledby': 'papers-h' }, el('h2', { id: 'papers-h' }, 'Papers, newest first'),
      el('ol', { class: 'results' }, r.papers.map((p) => el('li', { class: 'result' },
        el('h3', {}, paperLink(p.title, p.id)),
        meta(authorLinks(p.authors), p.date || (p.year ? String(p.year) : null),
          (p.categories || []).map((c) => el('span', { class: 'cat' }, c)), p.hasCode ? el('span', { class: 'badge' }, 'code') : null))))),
    el('section', { 'aria-labelledby': 'co-h' }, el('h2', { id: 'co-h' }, 'Co-authors'),
      r.coauthors.length ? el('ul', { class: 'coauthors' }, r.coauthors.map((c) =>
        el('li', {}, researcherLink(c.name, c.id), ` (${c.sharedPapers} shared)`))) : el('p', {}, 'None.')),
    el('section', { 'aria-labelledby': 'cat-h' }, el('h2', { id: 'cat-h' }, 'Top categories'),
      r.topCategories.length ? el('ul', { class: 'terms' }, r.topCategories.map((c) =>
        el('li', {}, link(`${c.value} (${c.count})`, { view: 'search', filters: [['category', c.value]] }, { class: 'cat' })))) : el('p', {}, 'None.')),
    el('section', { 'aria-labelledby': 'terms-h' }, el('h2', { id: 'terms-h' }, 'Characteristic terms'),
      el('ul', { class: 'terms' }, r.terms.map((t) => el('li', {}, link(t, { view: 'search', q: t }, { class: 'cat' }))))));
}

function chart(years, max) {
  const bars = el('div', { class: 'chart', role: 'img', 'aria-label': 'Papers per year: ' + years.map((y) => `${y.value}: ${y.count}`).join(', ') });
  const labels = el('div', { class: 'chart-labels', 'aria-hidden': 'true' });
  for (const y of years) {
    const bar = el('div', { class: 'bar', title: `${y.value}: ${y.count}` }, el('span', {}, String(y.count)));
    bar.style.height = Math.max(4, Math.round(100 * y.count / max)) + '%';
    bars.append(bar);
    labels.append(el('span', {}, y.value));
  }
  return el('div', {}, bars, labels);
}

// ---------- experts ----------

async function renderExperts(state) {
  const health = await HEALTH;
  $('#q').value = state.topic;
  const yearFilter = (state.filters.find(([k]) => k === 'year') || [])[1] || '';
  const categoryFilter = (state.filters.find(([k]) => k === 'category') || [])[1] || '';
  const form = el('form', { class: 'experts-form', id: 'experts-form', onsubmit: (e) => {
    e.preventDefault();
    const fd = new FormData(e.target);
    const filters = [];
    if (fd.get('category')) filters.push(['category', fd.get('category').trim()]);
    if (fd.get('year')) filters.push(['year', fd.get('year').trim()]);
    if (fd.get('hasCode')) filters.push(['hasCode', 'true']);
    const mode = fd.get('mode') && fd.get('mode') !== health.defaultMode ? fd.get('mode') : '';
    go({ view: 'experts', topic: String(fd.get('topic')).trim(), scope: fd.get('profiles') ? 'profiles' : 'all', filters, mode });
  } },
    el('label', { class: 'topic' }, 'Topic', el('input', { name: 'topic', id: 'topic', value: state.topic, required: true, placeholder: 'e.g. reinforcement learning' })),
    el('label', {}, 'Category', el('input', { name: 'category', value: categoryFilter, size: 8, placeholder: 'any' })),
    el('label', { title: 'A year (2024) or a range (2020-2024, 2020-, -2019)' }, 'Years',
      el('input', { name: 'year', value: yearFilter, size: 10, placeholder: 'any' })),
    el('label', { class: 'check' }, el('span', {}, 'Only with a profile'),
      el('input', { type: 'checkbox', name: 'profiles', checked: state.scope === 'profiles' })),
    el('label', { class: 'check' }, el('span', {}, 'Papers with code'),
      el('input', { type: 'checkbox', name: 'hasCode', checked: state.filters.some(([k]) => k === 'hasCode') })),
    // As on the search page: how a paper counts as evidence, shown only when the index has vectors.
    health && health.vectors ? el('label', {}, 'Match', el('select', { name: 'mode', id: 'experts-mode' },
      MODE_CHOICES.map(([v, t]) => el('option', { value: v, selected: (state.mode || health.defaultMode) === v }, t)))) : null,
    el('button', { type: 'submit', class: 'primary' }, 'Rank researchers'));
  if (!state.topic) {
    setStatus('');
    return el('div', {}, el('h1', {}, 'Experts'), el('p', {}, 'Rank researchers by how well their work covers a topic.'), form);
  }
  setStatus('Ranking researchers…');
  const p = paramsFor(state.filters);
  p.set('topic', state.topic);
  p.set('limit', 20);
  if (state.scope !== 'all') p.set('scope', state.scope);
  if (state.mode) p.set('mode', state.mode);
  const data = await api('/api/researchers?' + p);
  const top = data.hits.length ? data.hits[0].score : 1;
  setStatus('');
  rememberList(`experts for “${state.topic}”`);
  return el('div', {}, el('h1', {}, 'Experts'), form,
    el('p', { class: 'count', id: 'experts-count', role: 'status' },
      `${data.hits.length} ${data.hits.length === 1 ? 'researcher' : 'researchers'} for “${state.topic}”`),
    data.hits.length ? el('ol', { class: 'results experts' }, data.hits.map((h) => {
      const bar = el('div', {});
      bar.style.width = Math.max(2, Math.round(100 * h.score / top)) + '%';
      return el('li', { class: 'result' },
        el('h3', {}, researcherLink(h.name, h.id), h.hasProfile ? el('span', { class: 'badge' }, ' profile') : null),
        el('div', { class: 'scorebar', role: 'img', 'aria-label': `score ${h.score.toFixed(2)}` }, bar),
        meta(`score ${h.score.toFixed(2)}`, `${h.matchingPapers} of ${h.paperCount} ${h.paperCount === 1 ? 'paper matches' : 'papers match'}`),
        el('ul', { class: 'evidence' }, h.evidence.map((e) => el('li', { class: e.matches ? null : 'weak' },
          paperLink(e.title, e.id), ' ', el('span', { class: 'why' }, evidenceWhy(e))))));
    })) : el('div', { class: 'empty' }, `No researcher has papers matching “${state.topic}”.`));
}

/** Why a paper counts for a researcher: the topic words it has, or how close it is in meaning. */
function evidenceWhy(e) {
  const sim = e.similarity != null ? `similarity ${e.similarity.toFixed(2)}` : '';
  if (e.matchedWords && e.matchedWords.length) return `has ${e.matchedWords.join(', ')}` + (sim && e.similarity >= 0.3 ? `; ${sim}` : '');
  if (e.matches) return `close in meaning (${sim})`;
  return `weak: only near in meaning (${sim || 'no words matched'})`;
}

// ---------- suggestions ----------

function setupSuggestions() {
  const input = $('#q');
  const list = $('#suggestions');
  let items = [];
  let active = -1;
  let timer = null;
  let seq = 0;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const choose = (s) => {
    close();
    if (s.kind === 'paper') go({ view: 'paper', id: s.id });
    else if (s.kind === 'researcher') go({ view: 'researcher', id: s.id });
    else go({ view: 'search', filters: [['category', s.id]] });
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0) input.setAttribute('aria-activedescendant', 'sugg-' + i);
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) { close(); return; }
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const r = await api('/api/suggest?q=' + encodeURIComponent(q) + '&limit=8');
        if (mine !== seq) return;
        items = r.suggestions;
        list.replaceChildren(...items.map((s, i) => el('li', { id: 'sugg-' + i, role: 'option', 'aria-selected': 'false',
          onmousedown: (e) => { e.preventDefault(); choose(s); } }, el('span', {}, s.text), el('span', { class: 'kind' }, s.kind))));
        list.hidden = items.length === 0;
        input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
        active = -1;
      } catch (e) { close(); }
    }, 150);
  });
  // Enter searches what is typed: a suggestion still on its way must not open over the results.
  const cancel = () => { clearTimeout(timer); seq++; close(); };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (list.hidden || active < 0)) { cancel(); return; }
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight(Math.min(items.length - 1, active + 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(Math.max(-1, active - 1)); }
    else if (e.key === 'Escape') { close(); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(items[active]); }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return cancel;
}

// ---------- shell ----------

async function render() {
  const state = readState();
  document.title = 'scholar-search';
  $('#tab-papers').toggleAttribute('aria-current', state.view !== 'experts');
  $('#tab-experts').toggleAttribute('aria-current', state.view === 'experts');
  if (state.view !== 'experts') $('#tab-papers').setAttribute('aria-current', 'page');
  else $('#tab-experts').setAttribute('aria-current', 'page');
  $('#q').placeholder = state.view === 'experts' ? 'A topic, e.g. federated learning' : 'Search titles and abstracts…';
  const target = view();
  target.setAttribute('aria-busy', 'true');
  try {
    let content;
    if (state.view === 'paper') content = await renderPaper(state);
    else if (state.view === 'researcher') content = await renderResearcher(state);
    else if (state.view === 'experts') content = await renderExperts(state);
    else content = await renderSearch(state);
    target.replaceChildren(content);
    if (!performance.getEntriesByName('first-render').length) performance.mark('first-render');
  } catch (e) {
    target.replaceChildren(problem(e));
  } finally {
    target.removeAttribute('aria-busy');
  }
}

/** The index's health, once: whether it has vectors decides the match switch. Null when unreachable. */
const HEALTH = api('/api/health').catch(() => null);

function start() {
  const closeSuggestions = setupSuggestions();
  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    closeSuggestions();
    const state = readState();
    const text = $('#q').value.trim();
    if (state.view === 'experts') go({ view: 'experts', topic: text, scope: state.scope, filters: state.filters, mode: state.mode });
    else go({ view: 'search', q: text, sort: state.view === 'search' ? state.sort : 'relevance',
      mode: state.view === 'search' ? state.mode : '',
      filters: state.view === 'search' ? state.filters : [] });
  });
  for (const a of document.querySelectorAll('[data-nav]')) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      go(a.dataset.nav === 'experts' ? { view: 'experts', topic: $('#q').value.trim() } : { view: 'search' });
    });
  }
  window.addEventListener('popstate', render);
  HEALTH.then((h) => {
    $('#health').textContent = h ? `${h.papers} papers · ${h.researchers} researchers` + (h.vectors ? ' · semantic on' : '')
      : 'server unreachable';
  });
  render();
}

start();
