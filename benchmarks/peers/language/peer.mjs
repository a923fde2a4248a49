#!/usr/bin/env node
// Side-by-side peers for language identification: npm franc-min@6.2.0 and eld@2.1.0 (both ES modules).
// Run by ../../guards-language-peers.sh, which installs both into a temporary folder and copies this file there
// (ES modules resolve packages from the importing file's folder, not from NODE_PATH).
//
// Usage: node peer.mjs INPUT OUTPUT
//   INPUT:  one JSON string per line (the texts, in order)
//   OUTPUT: one JSON object per line, same order: {"franc":"fr","eld":"fr"} (ISO 639-1, "unknown" when the peer
//           gives none or a language it names with no 639-1 code)
// Prints key=value lines: peer.<name>.us_per_text (mean over the texts, after one warm-up pass), peer.<name>.texts.
import fs from 'node:fs';
import { franc } from 'franc-min';
import { eld } from 'eld/large';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node peer.mjs INPUT OUTPUT');
  process.exit(2);
}

const texts = fs.readFileSync(input, 'utf8').split('\n').filter(l => l.length > 0).map(l => JSON.parse(l));

// franc returns ISO 639-3 ("und" when unsure). franc-min knows 82 languages; the ones the evaluation can meet are
// mapped to ISO 639-1, every other code is kept as is (it counts as wrong, as a wrong 639-1 code would).
const iso3to1 = {
  eng: 'en', fra: 'fr', spa: 'es', por: 'pt', swh: 'sw', swa: 'sw', hin: 'hi', arb: 'ar', ara: 'ar', deu: 'de',
  ita: 'it', nld: 'nl', pol: 'pl', cmn: 'zh', zho: 'zh', rus: 'ru', ukr: 'uk', ron: 'ro', hun: 'hu', ces: 'cs',
  tur: 'tr', ind: 'id', zlm: 'ms', urd: 'ur', ben: 'bn', mar: 'mr', nep: 'ne', pes: 'fa', jpn: 'ja', kor: 'ko',
  vie: 'vi', tha: 'th', swe: 'sv', dan: 'da', nob: 'nb', fin: 'fi', ell: 'el', bul: 'bg', srp: 'sr', hrv: 'hr',
  bos: 'bs', slk: 'sk', slv: 'sl', cat: 'ca', glg: 'gl', afr: 'af', som: 'so', hau: 'ha', yor: 'yo', ibo: 'ig',
  zul: 'zu', xho: 'xh', amh: 'am', tgl: 'tl', ceb: 'ceb', jav: 'jv', sun: 'su', uzn: 'uz', azj: 'az', kaz: 'kk',
  tam: 'ta', tel: 'te', kan: 'kn', mal: 'ml', guj: 'gu', pan: 'pa', sin: 'si', mya: 'my', khm: 'km', kin: 'rw',
  run: 'rn', nya: 'ny', sna: 'sn', mlg: 'mg', aka: 'ak', ilo: 'ilo', hat: 'ht', und: 'unknown',
};
const mapFranc = code => iso3to1[code] ?? code;
const mapEld = code => (code && code.length > 0 ? code : 'unknown');

const peers = {
  franc: text => mapFranc(franc(text)),
  eld: text => mapEld(eld.detect(text).language),
};

const results = texts.map(() => ({}));
for (const [name, detect] of Object.entries(peers)) {
  for (const t of texts) detect(t); // warm-up (JIT, lazy tables)
  const start = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) results[i][name] = detect(texts[i]);
  const ns = Number(process.hrtime.bigint() - start);
  console.log(`peer.${name}.texts=${texts.length}`);
  console.log(`peer.${name}.us_per_text=${(ns / 1000 / Math.max(1, texts.length)).toFixed(2)}`);
}

fs.writeFileSync(output, results.map(r => JSON.stringify(r)).join('\n') + '\n');
