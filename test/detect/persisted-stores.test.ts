import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A store whose state the persist middleware writes to storage: its setter is a storage sink.

describe('a setter of a persisted store', () => {
  it('is a storage sink for what it is given (zustand persist, also curried, inside devtools or around immer), not a store kept in memory', () => {
    const result = scanProject({
      'src/profileStore.ts': [
        `import AsyncStorage from '@react-native-async-storage/async-storage';`,
        `import { create } from 'zustand';`,
        `import { createJSONStorage, persist } from 'zustand/middleware';`,
        `export const useProfile = create(`,
        `  persist(`,
        `    (set) => ({`,
        `      email: '',`,
        `      setEmail: (email: string) => set({ email }),`,
        `    }),`,
        `    { name: 'profile', storage: createJSONStorage(() => AsyncStorage) },`,
        `  ),`,
        `);`,
      ].join('\n'),
      'src/sessionStore.ts': [
        `import { create } from 'zustand';`,
        `import { devtools, persist } from 'zustand/middleware';`,
        `type Session = { phone: string; setPhone: (phone: string) => void };`,
        `export const useSession = create<Session>()(devtools(persist((set, get) => ({ phone: '', setPhone: (phone) => set({ phone }) }), { name: 'session' })));`,
      ].join('\n'),
      'src/cartStore.ts': [
        `import { create } from 'zustand';`,
        `import { persist } from 'zustand/middleware';`,
        `import { immer } from 'zustand/middleware/immer';`,
        `export const useCart = create(persist(immer((set) => ({ setZipCode: (zipCode: string) => set({ zipCode }) })), { name: 'cart' }));`,
      ].join('\n'),
      'src/draftStore.ts': [
        `import { create } from 'zustand';`,
        `export const useDraft = create((set) => ({`,
        `  email: '',`,
        `  setEmail: (email: string) => set({ email }),`,
        `}));`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/cartStore.ts:4 identity.address name:zipCode', 'src/profileStore.ts:8 identity.email name:email', 'src/sessionStore.ts:4 identity.phone name:phone']);
  });
});
