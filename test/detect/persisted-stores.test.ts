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

  it("is handed on by the app's own store wrapper to the callback it is given, in every file that calls it; a wrapper without persist hands on none", () => {
    const result = scanProject({
      'src/store/createStore.ts': [
        `import AsyncStorage from '@react-native-async-storage/async-storage';`,
        `import { create } from 'zustand';`,
        `import { createJSONStorage, devtools, persist } from 'zustand/middleware';`,
        `type Config<S, A> = { name: string; defaultState: S; actions: (set: (partial: Partial<S>) => void) => A; options?: { persist?: boolean } };`,
        `export function createStore<S, A>({ name, defaultState, actions: makeActions, options }: Config<S, A>) {`,
        `  const initial = () => defaultState;`,
        `  const persisted = persist(initial, { name, storage: createJSONStorage(() => AsyncStorage) });`,
        `  const store = create<S>()(devtools(options?.persist ? persisted : initial, { name }));`,
        `  return { store, actions: makeActions(store.setState) };`,
        `}`,
        `export function createMemoryStore<S, A>({ defaultState, actions: makeActions }: Config<S, A>) {`,
        `  const store = create<S>()(() => defaultState);`,
        `  return { store, actions: makeActions(store.setState) };`,
        `}`,
      ].join('\n'),
      'src/profile/contactStore.ts': [
        `import { createMemoryStore, createStore } from '../store/createStore';`,
        `export const contactStore = createStore({`,
        `  name: 'contact',`,
        `  defaultState: { email: '', phone: '' },`,
        `  actions: (set) => ({`,
        `    setEmail: (email: string) => set({ email }),`,
        `    setPhone: (phone: string) => set({ phone }),`,
        `  }),`,
        `  options: { persist: true },`,
        `});`,
        `export const draftStore = createMemoryStore({`,
        `  name: 'draft',`,
        `  defaultState: { email: '' },`,
        `  actions: (set) => ({ setEmail: (email: string) => set({ email }) }),`,
        `});`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/profile/contactStore.ts:6 identity.email name:email', 'src/profile/contactStore.ts:7 identity.phone name:phone']);
  });

  it("keeps a bare address or city as a person's where the store's name says it holds a profile; a store of other things does not", () => {
    const result = scanProject({
      'src/store/createStore.ts': [
        `import AsyncStorage from '@react-native-async-storage/async-storage';`,
        `import { create } from 'zustand';`,
        `import { createJSONStorage, persist } from 'zustand/middleware';`,
        `type Config<S, A> = { name: string; defaultState: S; actions: (set: (partial: Partial<S>) => void) => A };`,
        `export function createStore<S, A>({ name, defaultState, actions: makeActions }: Config<S, A>) {`,
        `  const store = create<S>()(persist(() => defaultState, { name, storage: createJSONStorage(() => AsyncStorage) }));`,
        `  return { store, actions: makeActions(store.setState) };`,
        `}`,
      ].join('\n'),
      'src/signup/addressStore.ts': [
        `import { createStore } from '../store/createStore';`,
        `export const addressStore = createStore({`,
        `  name: 'profile-address',`,
        `  defaultState: { address: null as string | null },`,
        `  actions: (set) => ({ setAddress: (address: string) => set({ address }) }),`,
        `});`,
      ].join('\n'),
      'src/wallet/receiveStore.ts': [
        `import { createStore } from '../store/createStore';`,
        `export const receiveStore = createStore({`,
        `  name: 'wallet-receive',`,
        `  defaultState: { address: null as string | null },`,
        `  actions: (set) => ({ setAddress: (address: string) => set({ address }) }),`,
        `});`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/signup/addressStore.ts:5 identity.address name:address']);
  });
});
