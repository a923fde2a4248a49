#!/usr/bin/env node
// Side-by-side peer measurement: npm redact-pii@3.4.0 on the presidio-research synthetic PII set.
//
// Usage (run.sh installs the package into a temporary folder and sets NODE_PATH):
//   node peer.cjs --dataset PATH [--predictions OUT.jsonl] [--replace-with X] [--min-mb 10] [--runs 5]
//                 [--no-speed] [--bigstring-budget-s 90]
//
// Prints key=value lines. Metric (identical to score_chars.py):
//   character-level, type-agnostic precision / recall / F1 pooled over all records;
//   whitespace characters (Python str.isspace) are not counted at all;
//   characters inside gold spans of type ORGANIZATION, TITLE, NRP, DATE_TIME count neither way;
//   per-type recall: a gold span is found when >= half of its non-space characters are flagged.
//
// How redacted characters are recovered (character alignment)
// -----------------------------------------------------------
// redact-pii replaces matches with a placeholder, so the output no longer lines up with the input.
// A length-preserving replacement is NOT available in 3.4.0: the typed option
// builtInRedactors[name].replaceWith is ignored by composeChildRedactors (only globalReplaceWith or the
// snake-cased pattern name is used), and a placeholder containing "$&" would keep the matched text visible
// to the later redactors of the chain (each child redactor runs on the previous one's output), which changes
// what they match. Diffing the output against the input with a sentinel placeholder is ambiguous when a
// literal segment recurs inside a replaced region.
// So we replay the library's own child-redactor chain exactly and record offsets as we go:
//   * the real `new SyncRedactor({ globalReplaceWith: X })` is built and its `childRedactors` are walked;
//   * SimpleRegexpRedactor children: the same regexp object runs through String.prototype.replace with a
//     callback that returns the same placeholder X and records each match's offset;
//   * NameRedactor: its 20 lines are replayed with the same regexps rebuilt from the package's own
//     well-known-names.json, splicing in the same way and recording each splice;
//   * each character of the current text carries the index of the original character it came from (or -1
//     for placeholder characters), so every removed region flags exactly the original characters in it;
//   * the replayed output is compared with the real library's redact(text) for EVERY record, and the script
//     aborts on any difference, so the offsets are those of what redact-pii actually removed.
'use strict';

const fs = require('fs');
const path = require('path');
const os = require('os');

// ---------- arguments ----------
function parseArgs(argv) {
  const a = { dataset: null, predictions: null, replaceWith: 'REDACTED', minMb: 10, runs: 5, speed: true,
    bigBudget: 90 };
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i];
    const v = () => { if (i + 1 >= argv.length) throw new Error(`missing value for ${k}`); return argv[++i]; };
    if (k === '--dataset') a.dataset = v();
    else if (k === '--predictions') a.predictions = v();
    else if (k === '--replace-with') a.replaceWith = v();
    else if (k === '--min-mb') a.minMb = Number(v());
    else if (k === '--runs') a.runs = Number(v());
    else if (k === '--no-speed') a.speed = false;
    else if (k === '--bigstring-budget-s') a.bigBudget = Number(v());
    else throw new Error(`unknown argument ${k}`);
  }
  if (!a.dataset) throw new Error('--dataset PATH is required');
  if (a.replaceWith.includes('$')) throw new Error('--replace-with must not contain "$" (replacement patterns)');
  return a;
}

const args = parseArgs(process.argv);
const redactPii = require('redact-pii');
const pkgDir = path.dirname(require.resolve('redact-pii/package.json'));
const pkgVersion = require(path.join(pkgDir, 'package.json')).version;
const wellKnownNamesList = require(path.join(pkgDir, 'lib/built-ins/well-known-names.json'));
const { SimpleRegexpRedactor } = require(path.join(pkgDir, 'lib/built-ins/SimpleRegexpRedactor.js'));
const { NameRedactor } = require(path.join(pkgDir, 'lib/built-ins/NameRedactor.js'));

// The regexps of lib/built-ins/NameRedactor.js (3.4.0), rebuilt the same way; they are module-private there.
// Fidelity is enforced by the per-record output comparison below.
const greetingRegex = /(^|\.\s+)(dear|hi|hello|greetings|hey|hey there)/gi;
const closingRegex = /(thx|thanks|thank you|regards|best|[a-z]+ly|[a-z]+ regards|all the best|happy [a-z]+ing|take care|have a [a-z]+ (weekend|night|day))/gi;
const greetingOrClosing = new RegExp('(((' + greetingRegex.source + ')|(' + closingRegex.source + '\\s*[,.!]*))[\\s-]*)', 'gi');
const genericName = new RegExp('( ?(([A-Z][a-z]+)|([A-Z]\\.)))+([,.]|[,.]?$)', 'gm');
const wellKnownNames = new RegExp('\\b(\\s*)(\\s*(' + wellKnownNamesList.join('|') + '))+\\b', 'gim');

// ---------- tracked replay ----------
// state: { text, orig: Int32Array (orig index per UTF-16 unit of text, -1 = placeholder), flagged: Uint8Array }
function applyEdits(state, edits) {
  // edits: [{ start, end, insert }] on state.text, sorted, disjoint; removed [start,end) -> insert
  if (edits.length === 0) return;
  const parts = [];
  let newLen = state.text.length;
  for (const e of edits) newLen += e.insert.length - (e.end - e.start);
  const orig = new Int32Array(newLen);
  let pos = 0, w = 0;
  for (const e of edits) {
    parts.push(state.text.slice(pos, e.start));
    for (let i = pos; i < e.start; i++) orig[w++] = state.orig[i];
    for (let i = e.start; i < e.end; i++) if (state.orig[i] >= 0) state.flagged[state.orig[i]] = 1;
    parts.push(e.insert);
    for (let i = 0; i < e.insert.length; i++) orig[w++] = -1;
    pos = e.end;
  }
  parts.push(state.text.slice(pos));
  for (let i = pos; i < state.text.length; i++) orig[w++] = state.orig[i];
  state.text = parts.join('');
  state.orig = orig;
}

function matchOffset(cbArgs) {
  // String.prototype.replace callback: (match, p1..pn, offset, string[, groups])
  const last = cbArgs[cbArgs.length - 1];
  return typeof last === 'object' && last !== null ? cbArgs[cbArgs.length - 3] : cbArgs[cbArgs.length - 2];
}

function trackedRegexpReplace(state, regexp, replaceWith) {
  const edits = [];
  const out = state.text.replace(regexp, (...cb) => {
    const off = matchOffset(cb);
    edits.push({ start: off, end: off + cb[0].length, insert: replaceWith });
    return replaceWith;
  });
  applyEdits(state, edits);
  if (out !== state.text) throw new Error('internal: regexp replay diverged');
}

function trackedNameRedact(state, replaceWith) {
  // Same control flow as NameRedactor.redact in 3.4.0.
  greetingOrClosing.lastIndex = 0;
  genericName.lastIndex = 0;
  let g = greetingOrClosing.exec(state.text);
  while (g !== null) {
    genericName.lastIndex = greetingOrClosing.lastIndex;
    const n = genericName.exec(state.text);
    if (n !== null && n.index === greetingOrClosing.lastIndex) {
      const suffix = n[5] === null ? '' : n[5];
      // library: text.slice(0, n.index) + replaceWith + suffix + text.slice(n.index + n[0].length)
      // n[5] is the tail of the match, so only the part before it is removed (the suffix is kept as-is).
      applyEdits(state, [{ start: n.index, end: n.index + n[0].length - suffix.length, insert: replaceWith }]);
    }
    g = greetingOrClosing.exec(state.text);
  }
  // library: text.replace(wellKnownNames, '$1' + replaceWith): the leading whitespace group is kept.
  const edits = [];
  state.text.replace(wellKnownNames, (...cb) => {
    const off = matchOffset(cb);
    const keep = cb[1].length;
    edits.push({ start: off + keep, end: off + cb[0].length, insert: replaceWith });
    return cb[1] + replaceWith;
  });
  applyEdits(state, edits);
}

function makeTracker(replaceWith) {
  const real = new redactPii.SyncRedactor({ globalReplaceWith: replaceWith });
  const children = real.childRedactors;
  for (const c of children) {
    if (!(c instanceof SimpleRegexpRedactor) && !(c instanceof NameRedactor)) {
      throw new Error('unexpected child redactor ' + (c && c.constructor && c.constructor.name));
    }
  }
  return {
    real,
    redactTracked(text) {
      const state = { text, orig: Int32Array.from({ length: text.length }, (_, i) => i),
        flagged: new Uint8Array(text.length) };
      for (const c of children) {
        if (c instanceof SimpleRegexpRedactor) trackedRegexpReplace(state, c.regexpMatcher, c.replaceWith);
        else trackedNameRedact(state, c.replaceWith);
      }
      const expected = real.redact(text);
      if (expected !== state.text) {
        throw new Error('replay differs from redact-pii output for text: ' + JSON.stringify(text) +
          '\n expected ' + JSON.stringify(expected) + '\n replayed ' + JSON.stringify(state.text));
      }
      return state.flagged;
    },
  };
}

// ---------- metric ----------
const EXCLUDED = new Set(['ORGANIZATION', 'TITLE', 'NRP', 'DATE_TIME']);
// Python str.isspace(), on UTF-16 units (equal to code points for BMP characters).
function isSpace(ch) {
  return ch !== '\ufeff' && /[\s\x1c-\x1f\x85]/.test(ch);
}
// Gold offsets are Python code-point offsets; JS strings (and C#) use UTF-16 units. Map cp -> utf16.
function cpToUtf16Map(text) {
  const m = [];
  let u = 0;
  for (const ch of text) { m.push(u); u += ch.length; }
  m.push(u);
  return m;
}

function score(records, flaggedPerRecord) {
  let tp = 0, fp = 0, fn = 0;
  const perType = new Map();
  records.forEach((rec, r) => {
    const text = rec.full_text;
    const flagged = flaggedPerRecord[r];
    const cp = cpToUtf16Map(text);
    const gold = new Uint8Array(text.length); // 0 none, 1 PII, 2 excluded
    for (const s of rec.spans) {
      const a = cp[s.start_position], b = cp[s.end_position];
      const v = EXCLUDED.has(s.entity_type) ? 2 : 1;
      for (let i = a; i < b; i++) if (gold[i] !== 2) gold[i] = v;
      let n = 0, f = 0;
      for (let i = a; i < b; i++) if (!isSpace(text[i])) { n++; if (flagged[i]) f++; }
      if (n === 0) continue;
      const t = perType.get(s.entity_type) || { found: 0, total: 0 };
      t.total++;
      if (2 * f >= n) t.found++;
      perType.set(s.entity_type, t);
    }
    for (let i = 0; i < text.length; i++) {
      if (isSpace(text[i]) || gold[i] === 2) continue;
      if (gold[i] === 1) { if (flagged[i]) tp++; else fn++; } else if (flagged[i]) fp++;
    }
  });
  const p = tp + fp ? tp / (tp + fp) : 0, rc = tp + fn ? tp / (tp + fn) : 0;
  const f1 = p + rc ? 2 * p * rc / (p + rc) : 0;
  return { tp, fp, fn, p, r: rc, f1, perType };
}

function spansOf(flagged) {
  const spans = [];
  for (let i = 0; i < flagged.length; i++) {
    if (!flagged[i]) continue;
    let j = i;
    while (j < flagged.length && flagged[j]) j++;
    spans.push({ start: i, end: j });
    i = j;
  }
  return spans;
}

// ---------- speed ----------
const PROSE = [
  'The morning was quiet in the old market square. A light breeze moved through the trees and carried the smell of ' +
    'fresh bread from the bakery on the corner. People walked slowly past the stalls, looking at baskets of apples, ' +
    'pears and green beans. Nobody seemed to be in a hurry, and the sellers talked with each other about the weather ' +
    'and the harvest.',
  'Our team meets every week to review the work of the past days and to plan what comes next. We talk about what ' +
    'went well, what was hard, and where we need help from each other. The notes from each meeting are shared with ' +
    'everyone, so that those who could not attend can still follow the decisions and add their thoughts.',
  'Clean water changes the life of a village. When families no longer need to walk for hours to fetch water, ' +
    'children can spend more time at school and parents can work on their fields. The new wells are simple to ' +
    'maintain, and the local committee has learned how to repair the pumps without outside help.',
  'Volunteers are the heart of this organisation. They give their time to cook meals, to teach reading, to visit ' +
    'the sick and to keep the community garden in good shape. Without them, most of our programmes would stop within ' +
    'a few weeks, and we are grateful for the energy and care they bring to every task.',
  'The library opens its doors early on weekdays and stays open late in the evening. Students come to study in the ' +
    'reading room, while older visitors prefer the newspapers and the quiet corner near the window. The staff are ' +
    'always ready to help find a book or to explain how to use the computers.',
  'Good planning starts with listening. Before a new project begins, we ask the people it is meant to serve what ' +
    'they need and what they already have. This simple step saves time and money, and it builds the trust that makes ' +
    'the work last long after the funding has ended.',
];

const utf8Bytes = (s) => Buffer.byteLength(s, 'utf8');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
let sink = 0;

function repeatChunks(chunks, minBytes) {
  const passBytes = chunks.reduce((acc, c) => acc + utf8Bytes(c), 0);
  const passes = Math.ceil(minBytes / passBytes);
  const out = [];
  for (let p = 0; p < passes; p++) for (const c of chunks) out.push(c);
  return { chunks: out, bytes: passBytes * passes, passes };
}

function timeChunks(redactor, chunks) {
  const t0 = process.hrtime.bigint();
  for (const c of chunks) sink += redactor.redact(c).length;
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function speedChunked(redactor, chunks, minBytes, runs) {
  const w = repeatChunks(chunks, minBytes);
  timeChunks(redactor, w.chunks.slice(0, Math.min(w.chunks.length, chunks.length * 2))); // warm-up
  const secs = [];
  for (let i = 0; i < runs; i++) secs.push(timeChunks(redactor, w.chunks));
  return { mbps: w.bytes / 1e6 / median(secs), bytes: w.bytes, secs };
}

function speedBigString(redactor, chunks, joiner, minBytes, runs, budgetS) {
  // One big string: the chunks joined with `joiner`, repeated until >= minBytes. NameRedactor rescans and
  // re-slices the whole string after each greeting/closing-word hit (e.g. any "...ly" word), so on some text the
  // cost grows quadratically. Probe with one call (also the warm-up) at 0.5 MB, 1 MB, ...; after each probe
  // project the cost of runs + 1 calls at minBytes with the growth exponent seen between the last two probes
  // (at least 1; 2 before there are two): jump to minBytes if it fits budgetS, else double if that fits, else
  // stop. `runs` calls are then timed at the largest size probed; its byte count is reported with the speed.
  const unit = chunks.join(joiner);
  const unitBytes = utf8Bytes(unit + joiner);
  let size = Math.min(minBytes, 5e5);
  let chosen = null;
  let prev = null;
  for (;;) {
    const big = Array(Math.ceil(size / unitBytes)).fill(unit).join(joiner);
    const t0 = process.hrtime.bigint();
    sink += redactor.redact(big).length;
    const probe = Number(process.hrtime.bigint() - t0) / 1e9;
    if (chosen && probe * runs > budgetS) break;
    prev = chosen;
    chosen = { big, bytes: utf8Bytes(big), probe };
    if (chosen.bytes >= minBytes) break;
    const exp = prev ? Math.max(1, Math.log(probe / prev.probe) / Math.log(chosen.bytes / prev.bytes)) : 2;
    const cost = (bytes) => probe * (bytes / chosen.bytes) ** exp * (runs + 1);
    if (cost(minBytes) <= budgetS) size = minBytes;
    else if (cost(2 * chosen.bytes) <= budgetS) size = Math.min(minBytes, 2 * size);
    else break;
  }
  const secs = [];
  for (let i = 0; i < runs; i++) secs.push(timeChunks(redactor, [chosen.big]));
  return { mbps: chosen.bytes / 1e6 / median(secs), bytes: chosen.bytes, secs };
}

// ---------- main ----------
function main() {
  const records = JSON.parse(fs.readFileSync(args.dataset, 'utf8'));
  const tracker = makeTracker(args.replaceWith);
  const flaggedPerRecord = records.map((r) => tracker.redactTracked(r.full_text));
  const s = score(records, flaggedPerRecord);

  if (args.predictions) {
    fs.writeFileSync(args.predictions,
      flaggedPerRecord.map((f) => JSON.stringify({ spans: spansOf(f) })).join('\n') + '\n');
  }

  const out = [];
  const kv = (k, v) => out.push(`${k}=${v}`);
  kv('peer', `redact-pii@${pkgVersion}`);
  kv('peer.replace_with', args.replaceWith);
  kv('dataset', path.basename(args.dataset));
  kv('dataset.records', records.length);
  kv('pii.precision', s.p.toFixed(4));
  kv('pii.recall', s.r.toFixed(4));
  kv('pii.f1', s.f1.toFixed(4));
  kv('pii.chars.tp', s.tp);
  kv('pii.chars.fp', s.fp);
  kv('pii.chars.fn', s.fn);
  for (const t of [...s.perType.keys()].sort()) {
    const v = s.perType.get(t);
    kv(`pii.recall.${t}`, (v.found / v.total).toFixed(4));
    kv(`pii.spans.${t}`, `${v.found}/${v.total}`);
  }

  // Share of non-space characters of the PII-free prose that the peer flags (false positives on clean text).
  let proseFlag = 0, proseChars = 0;
  for (const para of PROSE) {
    const f = tracker.redactTracked(para);
    for (let i = 0; i < para.length; i++) if (!isSpace(para[i])) { proseChars++; if (f[i]) proseFlag++; }
  }
  kv('prose.flagged_fraction', (proseFlag / proseChars).toFixed(4));

  if (args.speed) {
    const redactor = new redactPii.SyncRedactor({ globalReplaceWith: args.replaceWith });
    const minBytes = args.minMb * 1e6;
    const texts = records.map((r) => r.full_text);
    kv('host.loadavg1_at_start', os.loadavg()[0].toFixed(2));
    const dc = speedChunked(redactor, texts, minBytes, args.runs);
    const report = (name, r) => {
      kv(`speed.${name}_mbps`, r.mbps.toFixed(3));
      kv(`speed.${name}_bytes`, r.bytes);
      kv(`speed.${name}_secs`, r.secs.map((x) => x.toFixed(3)).join(','));
    };
    report('dataset', dc);
    report('prose', speedChunked(redactor, PROSE, minBytes, args.runs));
    report('dataset_bigstring', speedBigString(redactor, texts, '\n', minBytes, args.runs, args.bigBudget));
    report('prose_bigstring', speedBigString(redactor, PROSE, '\n', minBytes, args.runs, args.bigBudget));
    kv('host.loadavg1_at_end', os.loadavg()[0].toFixed(2));
    kv('speed.runs', args.runs);
    kv('speed.statistic', 'median');
  }
  kv('node', process.version);
  process.stdout.write(out.join('\n') + '\n');
  if (sink < 0) console.error(sink);
}

main();
