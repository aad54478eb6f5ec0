/**
 * Compares the hand-rule extractor (src/extract) with compromise 14 (+
 * compromise-dates) and wink-nlp (+ wink-eng-lite-web-model) on the
 * hand-labelled facts of tests/extract/gold-forum.json: names by type, money,
 * percentages, counts and resolved dates; and speed in ms per 1,000 sentences.
 * The two libraries are not project dependencies; install them to run this:
 *
 *   npm i --no-save compromise@14.17.0 compromise-dates@3.9.0 wink-nlp@2.4.0 wink-eng-lite-web-model@1.8.1
 *   npx tsx tests/bench/nlp-compare.mjs
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { forumDocuments, fileDocument } from '../extract/documents.ts';
import { extractKnowledge } from '../../src/extract/index.ts';
import { findMoneySpans } from '../../src/text/quantities.ts';
import { readNumber } from '../../src/text/number-words.ts';

const gold = JSON.parse(readFileSync(new URL('../extract/gold-forum.json', import.meta.url), 'utf8'));
const harbour = fileDocument('tests/fixtures/harbour/harbour-plan.md');
const docs = [...forumDocuments(), { ...harbour, id: 'harbour-plan', meta: { published: '2024-05-14' } }];
const refOf = (d) => (typeof d.meta.published === 'string' ? d.meta.published : undefined) ?? { 'cps-wire-2026-03-03': '2026-03-03', 'thread-ritaabreutech': '2026-03-04', 'interview-noor-castellan': '2026-03-06' }[d.id] ?? '2026-03-04';
const key = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/^the\s+/, '').replace(/[’']s$/, '').trim();
const trueNames = new Set([...gold.people, ...gold.organisations, ...gold.places, ...gold.alsoNames].map((n) => key(n)));
const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);

function score(found) {
  const names = (list, got) => list.filter((n) => got.has(key(n))).length / list.length;
  const pct = (list, has) => list.filter(has).length / list.length;
  return {
    people: names(gold.people, found.people),
    organisations: names(gold.organisations, found.organisations),
    places: names(gold.places, found.places),
    namePrecision: found.allNames.size ? [...found.allNames].filter((n) => trueNames.has(n)).length / found.allNames.size : 0,
    money: pct(gold.money, ([doc, v, c]) => found.money.has(`${doc}|${v}|${c}`)),
    percent: pct(gold.percent, ([doc, v]) => found.percent.has(`${doc}|${v}`)),
    counts: pct(gold.counts, ([doc, v]) => found.counts.has(`${doc}|${v}`)),
    dates: pct(gold.dates, ([doc, , iso]) => found.dates.has(`${doc}|${iso}`)),
  };
}

function empty() {
  return { people: new Set(), organisations: new Set(), places: new Set(), allNames: new Set(), money: new Set(), percent: new Set(), counts: new Set(), dates: new Set() };
}

function rules() {
  const k = extractKnowledge(docs);
  const f = empty();
  for (const e of k.entities) {
    const target = e.kind === 'person' ? f.people : e.kind === 'place' ? f.places : e.kind === 'organisation' ? f.organisations : undefined;
    for (const n of [e.name, ...e.aliases]) {
      target?.add(key(n));
    }
    if (target) f.allNames.add(key(e.name));
  }
  for (const x of k.figures) {
    if (x.kind === 'money') f.money.add(`${x.document}|${x.amount}|${x.currency}`);
    if (x.kind === 'percent') f.percent.add(`${x.document}|${x.amount}`);
    if (x.kind === 'count') f.counts.add(`${x.document}|${x.amount}`);
    if (x.kind === 'date' && x.when) f.dates.add(`${x.document}|${x.when}`);
  }
  return f;
}

async function compromise() {
  const nlp = (await import('compromise')).default;
  nlp.plugin((await import('compromise-dates')).default);
  const f = empty();
  for (const d of docs) {
    const doc = nlp(d.body);
    for (const [list, target] of [[doc.people(), f.people], [doc.organizations(), f.organisations], [doc.places(), f.places]]) {
      for (const t of list.out('array')) {
        const n = key(t.replace(/[,.;:]+$/, '').replace(/^(?:dr|mr|mrs|ms)\.?\s+/i, ''));
        target.add(n);
        f.allNames.add(n);
      }
    }
    for (const n of doc.numbers().json()) {
      const num = n.number ?? {};
      const text = n.text;
      const cur = /€|euro/i.test(text + (num.unit ?? '')) ? 'EUR' : /\$|dollar/i.test(text + (num.unit ?? '')) ? 'USD' : undefined;
      if (cur) f.money.add(`${d.id}|${num.num}|${cur}`);
      if (num.suffix === '%') f.percent.add(`${d.id}|${num.num}`);
      else if (!cur) f.counts.add(`${d.id}|${num.num}`);
    }
    for (const x of doc.dates({ today: refOf(d) }).json()) {
      const start = x.dates?.start;
      if (!start) continue;
      f.dates.add(`${d.id}|${start.slice(0, 10)}`);
      f.dates.add(`${d.id}|${start.slice(0, 7)}`);
      if (x.dates.unit === 'year') f.dates.add(`${d.id}|${start.slice(0, 4)}`);
    }
  }
  return f;
}

async function wink() {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const w = winkNLP(model);
  const f = empty();
  for (const d of docs) {
    const doc = w.readDoc(d.body);
    for (const e of doc.entities().out(w.its.detail)) {
      // The lite model finds no people, organisations or places: names stay empty.
      if (e.type === 'MONEY' || e.type === 'CARDINAL') {
        const m = findMoneySpans(e.value)[0];
        if (e.type === 'MONEY' && m) f.money.add(`${d.id}|${m.value}|${m.currency}`);
        else {
          const n = readNumber(e.value.replace(/^(?:approx\.|about|around)\s+/i, ''));
          if (n !== undefined) f.counts.add(`${d.id}|${n}`);
        }
      }
      if (e.type === 'PERCENT') f.percent.add(`${d.id}|${Number.parseFloat(e.value)}`);
      // Dates are found but not resolved to a calendar date; a four-digit year is taken as written.
      if (e.type === 'DATE') for (const y of e.value.match(/\b(?:19|20)\d\d\b/g) ?? []) f.dates.add(`${d.id}|${y}`);
    }
  }
  return f;
}

async function timed(name, run) {
  await run(); // warm-up: module load and JIT are not what is measured
  const rounds = 5;
  const t = performance.now();
  let found;
  for (let i = 0; i < rounds; i++) found = await run();
  const ms = (performance.now() - t) / rounds;
  return { name, msPer1000Sentences: Math.round((ms / sentences) * 1000), ...score(found) };
}

async function loadTime(spec) {
  const t = performance.now();
  for (const s of spec) await import(s);
  return Math.round(performance.now() - t);
}

const loads = {
  compromise: await loadTime(['compromise', 'compromise-dates']),
  'wink-nlp': await loadTime(['wink-nlp', 'wink-eng-lite-web-model']),
};
const rows = [await timed('hand rules (src/extract)', rules), await timed('compromise 14.17 + dates 3.9', compromise), await timed('wink-nlp 2.4 + eng-lite-web 1.8', wink)];
const pc = (x) => `${Math.round(x * 100)}%`;
console.log(`${sentences} sentences in ${docs.length} documents; import cost: compromise ${loads.compromise} ms, wink ${loads['wink-nlp']} ms\n`);
console.log('| extractor | people | organisations | places | name precision | money | percent | counts | resolved dates | ms / 1,000 sentences |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${pc(r.people)} | ${pc(r.organisations)} | ${pc(r.places)} | ${pc(r.namePrecision)} | ${pc(r.money)} | ${pc(r.percent)} | ${pc(r.counts)} | ${pc(r.dates)} | ${r.msPer1000Sentences} |`);
