// The TypeScript compiler bundled with ts-morph, loaded on its own. Three costs are avoided:
// - importing ts-morph from ESM would also load ts-morph's other modules and make Node run its
//   CommonJS export lexer over them;
// - compiling TypeScript's 9 MB of JavaScript, which Node does again in every process and worker
//   thread: the compiled code is kept in a V8 code cache (the technique of v8-compile-cache, which
//   ESLint used for years), in a folder of the user's own under the temporary directory.
//   PRIVLINT_NO_CODE_CACHE=1 turns it off;
// - a getter call behind every `ts.` in detection's hot loops (see plainExports).
'use strict';
const crypto = require('node:crypto');
const { isAscii } = require('node:buffer');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

function bundledTypeScriptFile() {
  const tsMorphFolder = path.dirname(require.resolve('ts-morph/package.json'));
  try {
    return require.resolve('@ts-morph/common/dist/typescript.js', { paths: [tsMorphFolder] });
  } catch {
    return undefined;
  }
}

/** A folder only this user can write to, or undefined (then nothing is cached). */
function codeCacheFolder() {
  if (process.env.PRIVLINT_NO_CODE_CACHE) return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const folder = path.join(os.tmpdir(), `privlint-code-cache-${uid ?? os.userInfo().username}`);
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stats = fs.lstatSync(folder);
    const ownedByUs = uid === undefined || stats.uid === uid;
    // Code from the cache runs as the user: refuse a folder someone else could have written to.
    if (!stats.isDirectory() || !ownedByUs || (process.platform !== 'win32' && (stats.mode & 0o022) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

/**
 * The file's text. TypeScript's bundle is plain ASCII: decoded as Latin-1 it is the same string,
 * made in a third of the time `readFileSync(file, 'utf8')` takes for 9 MB (about 140 ms here).
 */
function readScript(file) {
  const bytes = fs.readFileSync(file);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function loadWithCodeCache(file) {
  const source = readScript(file);
  const folder = codeCacheFolder();
  const stats = fs.statSync(file);
  const key = crypto.createHash('sha1').update(`${file}\0${stats.size}\0${stats.mtimeMs}\0${process.version}\0${process.arch}`).digest('hex');
  const cacheFile = folder && path.join(folder, `${key}.bin`);
  let cachedData;
  try {
    cachedData = cacheFile ? fs.readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  // What require() does for a CommonJS file, with the code cache passed to V8.
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, path.dirname(file));
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    try {
      const temporary = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(temporary, cacheFile);
      removeStaleEntries(folder, cacheFile);
    } catch {
      // Only a cache: the next run compiles again.
    }
  } else if (cacheFile) {
    keepFresh(cacheFile);
  }
  return module.exports;
}

/** An entry not used for this long belongs to an install or a Node version that is gone. */
const STALE_MS = 30 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Each install path, TypeScript build and Node version has its own entry (2–3 MB): when one is
 * written, remove those not used for a month, so that upgrades do not fill the temporary folder.
 */
function removeStaleEntries(folder, kept) {
  const now = Date.now();
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    if (file === kept || !/\.bin$|\.tmp$/.test(name)) continue;
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_MS) fs.unlinkSync(file);
    } catch {
      // Gone already, or another process's: leave it.
    }
  }
}

/** Mark an entry as used (at most once a day: it is a write), so removeStaleEntries keeps it. */
function keepFresh(file) {
  try {
    const now = Date.now();
    if (now - fs.statSync(file).mtimeMs > DAY_MS) fs.utimesSync(file, new Date(now), new Date(now));
  } catch {
    // Only a cache.
  }
}

/**
 * The compiler's exports as plain data properties. TypeScript's bundle exports each name through a
 * getter, so every `ts.isIdentifier(node)` in a hot loop is a getter call on an object of over 2,000
 * properties; with plain values detection visits a syntax tree about twice as fast. The values are
 * functions, enums and objects fixed once the module has run, so copying them loses nothing.
 */
function plainExports(namespace) {
  const plain = {};
  for (const name of Object.keys(namespace)) plain[name] = namespace[name];
  return plain;
}

function bundledTypeScript() {
  const file = bundledTypeScriptFile();
  // A ts-morph release that moved its bundled copy: the same compiler, through ts-morph itself.
  return plainExports(file ? loadWithCodeCache(file) : require('ts-morph').ts);
}

exports.ts = bundledTypeScript();
