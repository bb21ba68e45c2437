import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeProject } from '../helpers/temp-project.js';

/** git with a fixed identity and no user or system config, so tests do not depend on the machine. */
export const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'privlint test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'privlint test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

export interface TempRepo {
  root: string;
  git(...args: string[]): string;
  write(file: string, content: string): void;
  remove(file: string): void;
  /** Stage everything and commit. */
  commitAll(message: string): void;
}

/** A fresh git repository (branch main) holding `files`, not yet committed. */
export function tempRepo(files: Record<string, string>): TempRepo {
  const root = writeProject(files);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  git('init', '--quiet', '--initial-branch=main');
  return {
    root,
    git,
    write(file, content) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    },
    remove(file) {
      rmSync(path.join(root, file));
    },
    commitAll(message) {
      git('add', '--all');
      git('commit', '--quiet', '--message', message);
    },
  };
}
