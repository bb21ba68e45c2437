import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

/** A cookie helper in one package of a monorepo, imported by name from another. */
const core = {
  'packages/core/package.json': JSON.stringify({ name: '@acme/core', main: './dist/index.js', types: './dist/index.d.ts' }),
  'packages/core/src/index.ts': `export { readCookie } from './cookies';\n`,
  'packages/core/src/cookies.ts': `export function readCookie(name: string) {\n  const match = document.cookie.match(new RegExp('(^|;)\\\\s*' + name + '=([^;]*)'));\n  return match ? match[2] : undefined;\n}\n`,
  'packages/plugin/package.json': JSON.stringify({ name: '@acme/plugin', dependencies: { '@acme/core': '1.0.0' } }),
  'packages/plugin/src/index.ts': `import { readCookie } from '@acme/core';\nexport function clientId() {\n  const id = readCookie('_ga');\n  return { client_id: id };\n}\n`,
};

describe('workspace packages imported by name', () => {
  it('follows an import of a sibling package (npm workspaces) to its source, mapping dist/ back to src/', () => {
    const result = scanProject({ 'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }), ...core });
    expect(sites(result)).toContain('packages/plugin/src/index.ts:3 web.cookies document.cookie');
  });

  it('reads pnpm-workspace.yaml and rush.json projects too', () => {
    const pnpm = scanProject({ 'pnpm-workspace.yaml': `packages:\n  - 'packages/*'\n`, ...core });
    expect(sites(pnpm)).toContain('packages/plugin/src/index.ts:3 web.cookies document.cookie');
    const rush = scanProject({
      'rush.json': `{\n  // rush allows comments\n  "projects": [{ "packageName": "@acme/core", "projectFolder": "packages/core" }, { "packageName": "@acme/plugin", "projectFolder": "packages/plugin" }]\n}\n`,
      ...core,
    });
    expect(sites(rush)).toContain('packages/plugin/src/index.ts:3 web.cookies document.cookie');
  });

  it('near miss: without a workspace declaration the name is an installed package, not followed', () => {
    const result = scanProject(core);
    expect(sites(result)).not.toContain('packages/plugin/src/index.ts:3 web.cookies document.cookie');
  });
});
