// The search page. No framework, nothing fetched but this server's API.
//
// Safety rule: every piece of dispatch text reaches the page through `textContent` or a text
// node (`append(string)`), never as HTML. Highlights are built from the API's byte ranges.
'use strict';

(() => {
  const PAGE = 10;
  const MAX_OFFSET = 10000;
  const FIELDS = ['q', 'person', 'section', 'since', 'until', 'sort', 'mode'];
  const DEFAULTS = { sort: 'relevance', mode: 'auto' };
  const FILTERS = ['person', 'section', 'since', 'until', 'sort', 'mode'];

  const $ = (id) => document.getElementById(id);
  const form = $('recherche');
  const inputs = Object.fromEntries(FIELDS.map((f) => [f, $(f)]));
  const etat = $('etat');
  const avis = $('avis');
  const resultats = $('resultats');
  const facettes = $('facettes');
  const pagination = $('pagination');
  const vueResultats = $('vue-resultats');
  const vueDepeche = $('vue-depeche');
  const filtres = $('filtres');

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const nombre = new Intl.NumberFormat('fr-FR');
  // Paris time, as depeche reads dates without a zone and filters by day.
  const jour = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris',
  });
  const heure = new Intl.DateTimeFormat('fr-FR', {
    hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris',
  });

  // The latest request wins: answers to older ones are dropped.
  let ticket = 0;
  let retry = null;

  // ---- small helpers ----

  /** An element with a class and children (strings become text nodes). */
  function el(tag, cls, ...children) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    for (const c of children) {
      if (c !== null && c !== undefined && c !== '') e.append(c);
    }
    return e;
  }

  function plural(n, one, many) {
    return `${nombre.format(n)} ${n > 1 ? many : one}`;
  }

  function formatDate(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    // A date without a time is stored as 00:00 UTC: the day alone.
    const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0;
    return midnight ? jour.format(d) : `${jour.format(d)}, ${heure.format(d)}`;
  }

  /** Text with the byte ranges `ranges` (UTF-8 offsets into `text`) in <mark>. */
  function highlight(text, ranges) {
    const bytes = encoder.encode(text);
    const frag = document.createDocumentFragment();
    const spans = (ranges || [])
      .map((r) => (Array.isArray(r) ? r : [r.start, r.end]))
      .map(([s, e]) => [Math.max(0, s | 0), Math.min(bytes.length, e | 0)])
      .filter(([s, e]) => e > s)
      .sort((a, b) => a[0] - b[0]);
    let at = 0;
    for (const [s, e] of spans) {
      if (s < at) continue;
      if (s > at) frag.append(decoder.decode(bytes.subarray(at, s)));
      frag.append(el('mark', null, decoder.decode(bytes.subarray(s, e))));
      at = e;
    }
    if (at < bytes.length) frag.append(decoder.decode(bytes.subarray(at)));
    return frag;
  }

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function getJson(url) {
    let res;
    try {
      res = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch (e) {
      throw new ApiError(0, 'network', 'le serveur ne répond pas');
    }
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      // Not JSON: reported below with the status.
    }
    if (!res.ok) {
      const err = body && body.error ? body.error : {};
      throw new ApiError(res.status, err.code || 'http', err.message || `erreur ${res.status}`);
    }
    return body;
  }

  // Notices come from the query engine in English: say them in French.
  const NOTICES = [
    [/^an unclosed quote was closed at the end$/, () => 'Un guillemet non fermé a été refermé à la fin.'],
    [/^unbalanced parentheses were ignored$/, () => 'Des parenthèses mal appariées ont été ignorées.'],
    [/^`(.*)` with nothing after it was ignored$/, (m) => `« ${m[1]} » sans rien après a été ignoré.`],
    [/^nothing in the query can be searched for: no dispatch listed$/,
      () => 'Rien dans la requête ne peut être cherché : aucune dépêche n’est listée.'],
    [/^the query only excludes: listing every other dispatch$/,
      () => 'La requête ne fait qu’exclure : toutes les autres dépêches sont listées.'],
    [/^`(.*)` is too common a word to search for and was left out$/,
      (m) => `« ${m[1]} » est un mot trop courant pour être cherché : il a été laissé de côté.`],
    [/^`(.*)` has no searchable word and was left out$/,
      (m) => `« ${m[1]} » ne contient aucun mot cherchable : il a été laissé de côté.`],
    [/^`(.*)` is not a name depeche can search for$/,
      (m) => `« ${m[1]} » n’est pas un nom que la recherche sait trouver.`],
    [/^no section `(.*)` \(sections: (.*)\)$/,
      (m) => `Aucune rubrique « ${m[1]} » (rubriques : ${m[2]}).`],
    [/^no dispatch has all the words: showing those with the most of them \((\d+) match some\)$/,
      (m) => `Aucune dépêche ne contient tous les mots : voici celles qui en contiennent le plus `
        + `(${nombre.format(Number(m[1]))} en contiennent au moins un).`],
    [/^only (\d+) dispatch(?:es)? ha(?:s|ve) all the words: showing (?:it|them) first, then those with the most of them \((\d+) match some\)$/,
      (m) => (m[1] === '1' ? 'Une seule dépêche contient tous les mots : elle vient en tête'
        : `Seules ${nombre.format(Number(m[1]))} dépêches contiennent tous les mots : elles viennent en tête`)
        + `, puis celles qui en contiennent le plus (${nombre.format(Number(m[2]))} en contiennent au moins un).`],
  ];

  function notice(text) {
    for (const [re, fr] of NOTICES) {
      const m = re.exec(text);
      if (m) return fr(m);
    }
    return text;
  }

  // ---- the URL is the state: /?q=…&person=…&page=2, or /?id=… for one dispatch ----

  function formParams(page) {
    const p = new URLSearchParams();
    for (const f of FIELDS) {
      const v = inputs[f].value.trim();
      if (v && v !== DEFAULTS[f]) p.set(f, v);
    }
    if (page > 1) p.set('page', String(page));
    return p;
  }

  function fillForm(p) {
    for (const f of FIELDS) inputs[f].value = p.get(f) || DEFAULTS[f] || '';
    if (FILTERS.some((f) => p.get(f) && p.get(f) !== DEFAULTS[f])) filtres.open = true;
  }

  function go(p, state) {
    const qs = p.toString();
    history.pushState(state || null, '', qs ? `/?${qs}` : '/');
    route();
  }

  function route() {
    clearTimeout(retry);
    const p = new URLSearchParams(location.search);
    const id = p.get('id');
    if (id) {
      showDispatch(id);
    } else {
      fillForm(p);
      search(p);
    }
  }

  function show(view) {
    vueResultats.hidden = view !== 'resultats';
    vueDepeche.hidden = view !== 'depeche';
  }

  function failed(mine, e, what) {
    if (mine !== ticket) return;
    etat.className = 'erreur';
    if (e.code === 'index_unavailable') {
      etat.textContent = `L’index n’est pas encore prêt (${e.message}). Nouvel essai dans deux secondes…`;
      retry = setTimeout(route, 2000);
    } else {
      etat.textContent = `${what} : ${e.message}`;
    }
  }

  // ---- results ----

  async function search(p) {
    show('resultats');
    const page = Math.max(1, Number.parseInt(p.get('page') || '1', 10) || 1);
    const api = new URLSearchParams();
    for (const f of FIELDS) if (p.get(f)) api.set(f, p.get(f));
    api.set('limit', String(PAGE));
    api.set('offset', String(Math.min((page - 1) * PAGE, MAX_OFFSET)));
    const q = (p.get('q') || '').trim();
    document.title = q ? `${q} — Dépêches` : 'Dépêches — recherche';
    const mine = ++ticket;
    etat.className = '';
    etat.textContent = 'Recherche…';
    resultats.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await getJson(`/api/search?${api}`);
    } catch (e) {
      resultats.removeAttribute('aria-busy');
      failed(mine, e, 'La recherche a échoué');
      return;
    }
    if (mine !== ticket) return;
    resultats.removeAttribute('aria-busy');
    renderResults(data, p, page);
  }

  function renderResults(data, p, page) {
    const filtered = FILTERS.some((f) => p.get(f) && p.get(f) !== DEFAULTS[f]);
    const q = (p.get('q') || '').trim();
    const ms = (data.took_us / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
    if (data.total === 0) {
      etat.textContent = `Aucune dépêche ne correspond (${ms} ms).`;
    } else {
      const what = !q && !filtered ? ' dans l’index, les plus récentes d’abord' : '';
      etat.textContent = `${plural(data.total, 'dépêche', 'dépêches')}${what} · ${ms} ms`;
    }
    const notes = (data.notices || []).map(notice);
    if (data.fallback && !notes.some((n) => n.startsWith('Aucune dépêche ne contient tous'))) {
      notes.unshift('Aucune dépêche ne contient tous les mots : voici celles qui en contiennent le plus.');
    }
    avis.replaceChildren(...notes.map((n) => el('li', data.fallback ? 'repli' : null, n)));
    resultats.replaceChildren(...data.hits.map(renderHit));
    resultats.start = (page - 1) * PAGE + 1;
    renderFacets(data.facets, p);
    renderPages(data.total, p, page);
  }

  function renderHit(hit) {
    const link = el('a', null, hit.title || '(sans titre)');
    link.href = `/?id=${encodeURIComponent(hit.id)}`;
    link.addEventListener('click', (ev) => {
      if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      go(new URLSearchParams({ id: hit.id }), { fromSearch: true });
    });
    const li = el('li', 'hit', el('h2', 'titre', link));
    const meta = el('p', 'meta');
    if (hit.published) {
      const t = el('time', null, formatDate(hit.published));
      t.dateTime = hit.published;
      meta.append(t);
    }
    for (const [v, cls] of [[hit.section, 'rubrique'], [hit.dateline, 'lieu'], [hit.agency, 'agence']]) {
      if (v) meta.append(el('span', cls, v));
    }
    li.append(meta);
    if (hit.snippets && hit.snippets.length) {
      for (const s of hit.snippets) li.append(el('p', 'extrait', highlight(s.text, s.highlights)));
    } else if (hit.lede) {
      const lede = hit.lede.length > 300 ? `${hit.lede.slice(0, 300)}…` : hit.lede;
      li.append(el('p', 'extrait', lede));
    }
    if (hit.persons && hit.persons.length) {
      li.append(el('p', 'personnes', 'Personnes : ', ...hit.persons.slice(0, 6).map(personButton)));
    }
    if (hit.duplicates > 0) {
      li.append(el('p', 'copies', `+ ${plural(hit.duplicates, 'copie identique', 'copies identiques')}`));
    }
    return li;
  }

  /** A button that filters by this person. */
  function personButton(name) {
    const b = el('button', 'puce', name);
    b.type = 'button';
    b.title = `Dépêches qui citent ${name}`;
    b.addEventListener('click', () => filterBy('person', name));
    return b;
  }

  function filterBy(field, value) {
    inputs[field].value = value;
    filtres.open = true;
    go(formParams(1));
  }

  function renderFacets(facets, p) {
    facettes.replaceChildren();
    if (!facets) return;
    const groups = [
      ['Rubriques', 'section', facets.section || {}],
      ['Personnes', 'person', facets.persons || {}],
    ];
    for (const [title, field, counts] of groups) {
      const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      if (!entries.length || p.get(field)) continue;
      const ul = el('ul');
      for (const [name, n] of entries.slice(0, 12)) {
        const b = el('button', 'facette', el('span', null, name), el('span', 'nombre', nombre.format(n)));
        b.type = 'button';
        b.addEventListener('click', () => filterBy(field, name));
        ul.append(el('li', null, b));
      }
      facettes.append(el('section', null, el('h2', null, title), ul));
    }
  }

  function renderPages(total, p, page) {
    pagination.replaceChildren();
    const pages = Math.min(Math.ceil(total / PAGE), Math.floor(MAX_OFFSET / PAGE) + 1);
    if (pages <= 1) return;
    const link = (n, text, rel) => {
      const q = new URLSearchParams(p);
      if (n > 1) q.set('page', String(n)); else q.delete('page');
      const a = el('a', null, text);
      a.href = `/?${q}`;
      a.rel = rel;
      a.addEventListener('click', (ev) => {
        if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
        ev.preventDefault();
        go(q);
        window.scrollTo(0, 0);
        resultats.focus({ preventScroll: true });
      });
      return a;
    };
    if (page > 1) pagination.append(link(page - 1, '← Précédentes', 'prev'));
    pagination.append(el('span', 'page', `Page ${nombre.format(page)} sur ${nombre.format(pages)}`));
    if (page < pages) pagination.append(link(page + 1, 'Suivantes →', 'next'));
  }

  // ---- one dispatch ----

  function back() {
    if (history.state && history.state.fromSearch) {
      history.back();
    } else {
      go(new URLSearchParams());
    }
  }

  async function showDispatch(id) {
    show('depeche');
    const mine = ++ticket;
    const retour = el('button', 'retour', '← Retour aux résultats');
    retour.type = 'button';
    retour.addEventListener('click', back);
    vueDepeche.replaceChildren(retour, el('p', null, 'Chargement…'));
    let data;
    try {
      data = await getJson(`/api/dispatches/${encodeURIComponent(id)}`);
    } catch (e) {
      if (mine !== ticket) return;
      const msg = e.status === 404 ? 'Cette dépêche n’est pas (ou plus) dans l’index.' : e.message;
      vueDepeche.replaceChildren(retour, el('p', 'erreur', msg));
      return;
    }
    if (mine !== ticket) return;
    const d = data.dispatch;
    document.title = `${d.title} — Dépêches`;
    const h1 = el('h1', null, d.title || '(sans titre)');
    h1.tabIndex = -1;
    const parts = [retour];
    if (data.kind !== 'dispatch') {
      const what = data.kind === 'duplicate' ? 'une copie identique' : 'une ancienne version';
      parts.push(el('p', 'remarque', `L’identifiant demandé est ${what} de cette dépêche.`));
    }
    parts.push(h1, renderFields(d, data));
    if (d.lede) parts.push(el('p', 'chapo', d.lede));
    for (const para of d.body || []) parts.push(el('p', null, para));
    vueDepeche.replaceChildren(...parts);
    h1.focus();
  }

  function renderFields(d, data) {
    const dl = el('dl', 'champs');
    const add = (name, ...value) => {
      if (value.length && value.some((v) => v !== null && v !== undefined && v !== '')) {
        dl.append(el('dt', null, name), el('dd', null, ...value));
      }
    };
    add('Publiée', d.published ? formatDate(d.published) : '');
    add('Mise à jour', d.updated ? formatDate(d.updated) : '');
    add('Rubrique', d.section);
    add('Agence', d.agency);
    add('Lieu', d.dateline);
    add('Localisation', d.location);
    add('Auteurs', (d.authors || []).join(', '));
    add('Traduction', d.translator);
    if (d.persons && d.persons.length) add('Personnes', ...d.persons.map((p) => personButton(p.name)));
    add('Mots-clés', (d.keywords || []).join(', '));
    add('Langue', d.language);
    add('Version', d.version === null || d.version === undefined ? '' : String(d.version));
    if (d.url) add('Adresse', safeLink(d.url));
    add('Format', d.format);
    add('Source', sourceText(d.source));
    add('Identifiant', d.id);
    if (data.copies && data.copies.length) {
      add('Copies identiques', el('ul', null, ...data.copies.map((c) => el('li', null, c))));
    }
    if (data.versions && data.versions.length) {
      const items = data.versions.map(([vid, src]) => {
        const a = el('a', null, vid);
        a.href = `/?id=${encodeURIComponent(vid)}`;
        a.addEventListener('click', (ev) => {
          if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
          ev.preventDefault();
          go(new URLSearchParams({ id: vid }), history.state);
        });
        return el('li', null, a, ` (${src})`);
      });
      add('Versions antérieures', el('ul', null, ...items));
    }
    return dl;
  }

  /** A link only for http(s) addresses; anything else (javascript:…) stays text. */
  function safeLink(url) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch (e) {
      return url;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return url;
    const a = el('a', null, url);
    a.href = parsed.href;
    a.rel = 'noopener noreferrer';
    return a;
  }

  function sourceText(src) {
    if (!src) return '';
    if (typeof src === 'string') return src;
    return src.record ? `${src.path} (enregistrement ${src.record})` : src.path || '';
  }

  // ---- suggestions ----

  let suggestTimer = null;
  let suggestTicket = 0;

  async function suggest() {
    const v = inputs.person.value.trim();
    if (!v) return;
    const mine = ++suggestTicket;
    let list;
    try {
      list = await getJson(`/api/persons?limit=10&prefix=${encodeURIComponent(v)}`);
    } catch (e) {
      return;
    }
    if (mine !== suggestTicket) return;
    $('personnes').replaceChildren(...list.map((pc) => {
      const o = document.createElement('option');
      o.value = pc.name;
      o.label = plural(pc.dispatches, 'dépêche', 'dépêches');
      return o;
    }));
  }

  async function loadSections() {
    try {
      const stats = await getJson('/api/stats');
      $('rubriques').replaceChildren(...(stats.sections || []).map(([name]) => {
        const o = document.createElement('option');
        o.value = name;
        return o;
      }));
    } catch (e) {
      // Suggestions only: the page works without them.
    }
  }

  // ---- wiring ----

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go(formParams(1));
  });
  inputs.person.addEventListener('input', (ev) => {
    clearTimeout(suggestTimer);
    // A suggestion picked from the list searches at once; typing asks for suggestions.
    if (!(ev instanceof InputEvent) || ev.inputType === 'insertReplacementText') {
      go(formParams(1));
      return;
    }
    suggestTimer = setTimeout(suggest, 150);
  });
  for (const f of ['since', 'until', 'sort', 'mode']) {
    inputs[f].addEventListener('change', () => go(formParams(1)));
  }
  $('effacer').addEventListener('click', () => {
    for (const f of FILTERS) inputs[f].value = DEFAULTS[f] || '';
    go(formParams(1));
  });
  document.addEventListener('keydown', (ev) => {
    const typing = ev.target instanceof HTMLElement
      && (ev.target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName));
    if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      inputs.q.focus();
      inputs.q.select();
    } else if (ev.key === 'Escape' && !vueDepeche.hidden) {
      ev.preventDefault();
      back();
    }
  });
  window.addEventListener('popstate', route);

  loadSections();
  route();
  if (!new URLSearchParams(location.search).get('id')) inputs.q.focus();
})();
