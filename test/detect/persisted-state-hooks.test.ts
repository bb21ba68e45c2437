import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A persisted-state hook's setter (element 1 of the array it returns) keeps what it is given, under the state's name.

describe('the setter of a persisted-state hook', () => {
  it('stores a person record whole, or data its state names, and not in a plain useState or a state of things', () => {
    const result = scanProject({
      'src/Account.tsx': [
        `import { useEffect, useState } from 'react';`,
        `import { useLocalStorage } from 'react-use';`,
        `export function Account({ token }: { token: string }) {`,
        `  const [viewer, setViewer] = useLocalStorage<{ login: string }>('viewer', undefined);`,
        `  const [email, setEmail] = useLocalStorage('email', '');`,
        `  const [settings, setSettings] = useLocalStorage('user-settings', {});`,
        `  const [draft, setDraft] = useState<unknown>(null);`,
        `  useEffect(() => {`,
        `    fetch('https://api.example.com/me', { headers: { Authorization: token } })`,
        `      .then((response) => response.json())`,
        `      .then((body) => {`,
        `        setViewer(body.data);`,
        `        setEmail(body.address);`,
        `        setSettings(body.preferences);`,
        `        setDraft(body.data);`,
        `        setViewer(undefined);`,
        `      });`,
        `  }, [token]);`,
        `  return null;`,
        `}`,
      ].join('\n'),
      'src/Login.tsx': [
        `import { useMMKVString } from 'react-native-mmkv';`,
        `export function useRemembered() {`,
        `  const [userEmail, setUserEmail] = useMMKVString('login.email');`,
        `  const [theme, setTheme] = useMMKVString('theme');`,
        `  return { remember: (typed: string) => setUserEmail(typed), pick: (name: string) => setTheme(name) };`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'src/Account.tsx:12 identity.account_id name:viewer',
      'src/Account.tsx:13 identity.email name:email',
      'src/Login.tsx:5 identity.email name:userEmail',
    ]);
  });
});
