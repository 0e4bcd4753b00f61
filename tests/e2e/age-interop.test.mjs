// Files encrypted with a passphrase interoperate with another age implementation:
// typage (the `age-encryption` npm package, by age's author) opens what `aims-score
// encrypt` writes, byte for byte, and `aims-score` opens and imports what typage
// encrypted. The app's exports and the CLI share one implementation (crates/crypt).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Encrypter, Decrypter } from 'age-encryption';
import { ROOT } from './harness.mjs';

const CLI = join(ROOT, 'target/debug/aims-score');
const FIXTURE = join(ROOT, 'tests/fixtures/assessment-v2.json');
const PASSPHRASE = 'violet tractor puzzle ember 7';

async function scratch() {
  await access(CLI).catch(() => { throw new Error(`${CLI} is missing: run cargo build -p aims-score first`); });
  const dir = await mkdtemp(join(tmpdir(), 'aims-age-'));
  const pass = join(dir, 'pass.txt');
  await writeFile(pass, `${PASSPHRASE}\n`);
  return { dir, pass };
}

test('typage opens what aims-score encrypted, to identical bytes', async () => {
  const { dir, pass } = await scratch();
  const sealed = join(dir, 'assessment.json.age');
  execFileSync(CLI, ['encrypt', FIXTURE, '-o', sealed, '--passphrase-file', pass]);
  const d = new Decrypter();
  d.addPassphrase(PASSPHRASE);
  const opened = await d.decrypt(await readFile(sealed));
  assert.deepEqual(Buffer.from(opened), await readFile(FIXTURE));
  // And a wrong passphrase does not open it there either.
  const wrong = new Decrypter();
  wrong.addPassphrase('not the passphrase at all 123');
  await assert.rejects(wrong.decrypt(await readFile(sealed)));
});

test('aims-score opens and imports what typage encrypted', async () => {
  const { dir, pass } = await scratch();
  const e = new Encrypter();
  e.setPassphrase(PASSPHRASE);
  const plain = await readFile(FIXTURE);
  const sealed = join(dir, 'from-typage.age');
  await writeFile(sealed, await e.encrypt(plain));
  const opened = join(dir, 'opened.json');
  execFileSync(CLI, ['decrypt', sealed, '-o', opened, '--passphrase-file', pass]);
  assert.deepEqual(await readFile(opened), plain);
  const scored = JSON.parse(execFileSync(CLI, ['score', sealed, '--passphrase-file', pass], { encoding: 'utf8' }));
  const direct = JSON.parse(execFileSync(CLI, ['score', FIXTURE], { encoding: 'utf8' }));
  assert.deepEqual(scored, direct, 'the same report as from the plain file');
});
