// Generates the Open Peeps faces listed in a job file written by make_art.py.
//
// Usage (make_art.py runs this from the scratch folder that holds node_modules):
//   node make_art.mjs job.json
//
// job.json: {"out": "<folder>", "people": {"<id>": {"options": {...}, "faces": {"<expression>": "<face>"}}}}
// Writes <out>/people/<id>/<expression>.svg (raw DiceBear output; make_art.py sanitises it)
// and <out>/versions.json with the installed version of every art package.
import fs from 'node:fs';
import path from 'node:path';
import { createAvatar } from '@dicebear/core';
import { openPeeps } from '@dicebear/collection';

const PACKAGES = ['@dicebear/core', '@dicebear/collection', '@dicebear/open-peeps', 'fluentui-emoji', '@tabler/icons'];

function fail(message) {
  console.error(`make_art.mjs: ${message}`);
  process.exit(1);
}

function packageVersion(name) {
  // Some packages do not export package.json: read it from node_modules directly.
  const file = path.join(process.cwd(), 'node_modules', ...name.split('/'), 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

// Turn the manifest's options into DiceBear options, checked against the style's schema:
// a scalar given for an array option becomes a one-item list; unknown options and values fail.
function dicebearOptions(id, options) {
  const props = openPeeps.schema.properties;
  const core = new Set(['seed', 'flip', 'rotate', 'scale', 'radius', 'size', 'backgroundColor', 'translateX', 'translateY']);
  const result = {};
  for (const [key, raw] of Object.entries(options)) {
    if (core.has(key)) {
      result[key] = raw;
      continue;
    }
    const prop = props[key];
    if (!prop) fail(`people.${id}: unknown open-peeps option "${key}"`);
    let value = raw;
    if (prop.type === 'array') {
      value = raw === null ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
      const allowed = prop.items.enum;
      for (const item of value) {
        if (allowed && !allowed.includes(item)) fail(`people.${id}.${key}: "${item}" is not one of ${allowed.join(', ')}`);
        if (prop.items.pattern && !new RegExp(prop.items.pattern).test(item)) fail(`people.${id}.${key}: "${item}" is not a hex colour`);
      }
    }
    result[key] = value;
  }
  return result;
}

const jobFile = process.argv[2];
if (!jobFile) fail('usage: node make_art.mjs job.json');
const job = JSON.parse(fs.readFileSync(jobFile, 'utf8'));
const faceEnum = openPeeps.schema.properties.face.items.enum;

for (const [id, person] of Object.entries(job.people)) {
  const base = dicebearOptions(id, person.options);
  if ('face' in base) fail(`people.${id}: set faces through "expressions", not "face"`);
  const dir = path.join(job.out, 'people', id);
  fs.mkdirSync(dir, { recursive: true });
  for (const [expression, face] of Object.entries(person.faces)) {
    if (!faceEnum.includes(face)) fail(`people.${id}.${expression}: "${face}" is not one of ${faceEnum.join(', ')}`);
    const svg = createAvatar(openPeeps, { ...base, face: [face] }).toString();
    fs.writeFileSync(path.join(dir, `${expression}.svg`), svg);
  }
}

const versions = Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)]));
versions.node = process.versions.node;
fs.writeFileSync(path.join(job.out, 'versions.json'), JSON.stringify(versions, null, 2));
