#!/usr/bin/env node
// RDFC-1.0 canonical N-Quads computed by Digital Bazaar's rdf-canonize (and, for JSON-LD input, jsonld.js): the
// independent reference that tests/CredentialSite.Tests/Verify compares src/Rdf (Rdfc10.cs, JsonLd/) against.
//
//   node canonize.mjs [--max-work-factor N] < dataset.nq > canonical.nq
//       one dataset as N-Quads on stdin, its canonical N-Quads on stdout
//   node canonize.mjs --json [--max-work-factor N] < datasets.json
//       a JSON array of N-Quads strings on stdin; a JSON array on stdout, per dataset {"canonical": "..."} or
//       {"error": "..."} (one process for many datasets)
//   node canonize.mjs --jsonld [--max-work-factor N] < documents.json
//       a JSON array of JSON-LD documents (as strings) on stdin; per document its canonical N-Quads by jsonld.toRDF
//       and rdf-canonize as eddsa-rdfc-2022-cryptosuite computes them (contexts only from src/Rdf/Contexts); when
//       safe mode refuses the document (a term or type the contexts do not define), {"canonical": (without safe
//       mode), "safeError": "..."}
//
// The work factor bounds the N-degree hashing as in Rdf/Rdfc10.cs (default 2 there and here). Exit 2 and a message on
// stderr on bad input in the single-dataset mode.
import * as rdfCanonize from 'rdf-canonize';
import jsonld from 'jsonld';
import {pinnedContext} from './contexts.mjs';

const args = process.argv.slice(2);
let maxWorkFactor = 2;
let mode = 'nquads';
for(let i = 0; i < args.length; i++) {
  if(args[i] === '--max-work-factor' && i + 1 < args.length) {
    maxWorkFactor = Number(args[++i]);
  } else if(args[i] === '--json') {
    mode = 'json';
  } else if(args[i] === '--jsonld') {
    mode = 'jsonld';
  } else {
    process.stderr.write('usage: node canonize.mjs [--json | --jsonld] [--max-work-factor N] < input\n');
    process.exit(2);
  }
}

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const input = Buffer.concat(chunks).toString('utf8');

const options = {
  algorithm: 'RDFC-1.0',
  format: 'application/n-quads',
  maxWorkFactor
};

function canonizeNQuads(nquads) {
  return rdfCanonize.canonize(nquads, {...options, inputFormat: 'application/n-quads'});
}

async function documentLoader(url) {
  const document = pinnedContext(url);
  if(document === undefined) {
    throw new Error(`refusing to load ${url}: not a pinned context`);
  }
  return {contextUrl: null, documentUrl: url, document: structuredClone(document)};
}

// As @digitalbazaar/eddsa-rdfc-2022-cryptosuite's canonize does (jsonld.toRDF, then rdf-canonize), but also without
// safe mode, so that a document safe mode refuses is still compared: {canonical, safeError?}.
async function canonizeJsonLd(text) {
  const toRdf = async safe => {
    const dataset = await jsonld.toRDF(JSON.parse(text), {
      documentLoader, safe, base: null, rdfDirection: 'i18n-datatype', produceGeneralizedRdf: false
    });
    return rdfCanonize.canonize(dataset, options);
  };
  try {
    return {canonical: await toRdf(true)};
  } catch(e) {
    return {canonical: await toRdf(false), safeError: describe(e)};
  }
}

function describe(e) {
  const event = e.details?.event;
  return e.message + (event ? ` ${event.code}: ${JSON.stringify(event.details)}` : '');
}

if(mode === 'nquads') {
  try {
    process.stdout.write(await canonizeNQuads(input));
  } catch(e) {
    process.stderr.write(`canonize: ${e.message}\n`);
    process.exit(2);
  }
} else {
  const items = JSON.parse(input);
  const results = [];
  for(const item of items) {
    try {
      results.push(mode === 'json' ? {canonical: await canonizeNQuads(item)} : await canonizeJsonLd(item));
    } catch(e) {
      results.push({error: describe(e)});
    }
  }
  process.stdout.write(JSON.stringify(results));
}
