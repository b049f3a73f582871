// Writes the second part of enrich/.../entities/first-names.txt: given names of many countries from faker-js.
//
//   npm pack @faker-js/faker@10.6.0 && tar xzf faker-js-faker-10.6.0.tgz      (MIT)
//   apt-get download wamerican && dpkg-deb -x wamerican_*.deb wamerican          (only to filter, not shipped)
//   node enrich/tools/given-names.mjs package wamerican/usr/share/dict/american-english \
//       enrich/src/main/resources/dev/newsintel/enrich/entities/first-names.txt
//
// The Moby list in the first part is English; news names people from everywhere ("Priya", "Iker", "Kojo"), and a
// surname after an unlisted given name was neither a feature nor a cue. Kept: single Latin-script words in name case
// ("Zoë", "Jean-Luc"), three letters or more, not already listed, not a place on the bundled list, and not an
// English word in lower case ("Hope", "Rose", "Will" would mark common words as names).
import fs from 'node:fs';
import path from 'node:path';

const [fakerDir, dictionary, firstNames] = process.argv.slice(2);
if (!firstNames) {
  console.error('usage: node given-names.mjs <faker package dir> <dictionary> <first-names.txt>');
  process.exit(2);
}
const faker = await import(path.resolve(fakerDir, 'dist/index.js'));
const words = new Set(fs.readFileSync(dictionary, 'utf8').split('\n').filter(w => /^[a-z]/.test(w)));
const marker = '# Given names of many countries';
const text = fs.readFileSync(firstNames, 'utf8');
const moby = text.includes(marker) ? text.slice(0, text.indexOf(marker)) : text;
const listed = new Set(moby.split('\n').filter(l => l && !l.startsWith('#')));
const locations = new Set(fs.readFileSync(path.join(path.dirname(firstNames), 'locations.txt'), 'utf8')
  .split('\n').map(l => l.split('\t')[0]));
const flat = x => x == null ? [] : Array.isArray(x) ? x : Object.values(x).flat();
const added = new Set();
for (const [name, instance] of Object.entries(faker)) {
  const person = name.startsWith('faker') && instance?.rawDefinitions?.person;
  for (const given of person ? flat(person.first_name) : []) {
    if (/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(given) && /^[\p{Script=Latin}-]+$/u.test(given)
        && given.length >= 3 && !listed.has(given) && !locations.has(given) && !words.has(given.toLowerCase())) {
      added.add(given);
    }
  }
}
const header = `${marker} (faker-js 10.6.0 locale data, MIT), Latin script, not on the list above, not a
# listed place, not an English word in lower case: written by enrich/tools/given-names.mjs.
`;
fs.writeFileSync(firstNames, moby + header + [...added].sort().join('\n') + '\n');
console.log(`${added.size} given names added`);
