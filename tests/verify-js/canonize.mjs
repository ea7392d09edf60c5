#!/usr/bin/env node
// Reads N-Quads on stdin and prints their RDFC-1.0 canonical N-Quads, computed by rdf-canonize (the Digital Bazaar
// implementation): the independent reference that tests/CredentialSite.Tests compares src/Rdf/Rdfc10.cs against.
//
//   node canonize.mjs [--max-work-factor N] < dataset.nq > canonical.nq
//
// Exit 0 and the canonical N-Quads on stdout; exit 2 and a message on stderr if the input does not parse or the
// dataset is too expensive for the work factor (default 2, the same default as Rdf/Rdfc10.cs).
import * as rdfCanonize from 'rdf-canonize';

const args = process.argv.slice(2);
let maxWorkFactor = 2;
for(let i = 0; i < args.length; i++) {
  if(args[i] === '--max-work-factor' && i + 1 < args.length) {
    maxWorkFactor = Number(args[++i]);
  } else {
    process.stderr.write(`usage: node canonize.mjs [--max-work-factor N] < in.nq\n`);
    process.exit(2);
  }
}

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const input = Buffer.concat(chunks).toString('utf8');

try {
  const canonical = await rdfCanonize.canonize(input, {
    algorithm: 'RDFC-1.0',
    inputFormat: 'application/n-quads',
    format: 'application/n-quads',
    maxWorkFactor
  });
  process.stdout.write(canonical);
} catch(e) {
  process.stderr.write(`canonize: ${e.message}\n`);
  process.exit(2);
}
