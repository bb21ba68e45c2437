import type { PersonalNames, SourceApi } from './types.js';

/** How a name was matched: its category, and whether it needs a person around it (`user.name`). */
export interface NameMatch {
  category: string;
  qualified: boolean;
  /** More categories the value is on some platforms (`anonymousId`: a cookie id on the web, an install id in an app). */
  also?: readonly string[];
}

/**
 * Personal data known by what the code calls it (personal-names.yaml): `userEmail`,
 * `phone_number`, `billingAddress.postalCode`. Built once per catalog; answers are memoised
 * (the same names recur in every file).
 */
export class NameMatcher {
  /** Entries by their last word, each with its words; longest sequences first. */
  private readonly byLastWord = new Map<string, { words: string[]; match: NameMatch }[]>();
  private readonly trailingFillers: Set<string>;
  private readonly leadingExclusions: Set<string>;
  private readonly personOwners: Set<string>;
  private readonly placeOwners: Set<string>;
  private readonly sendingVerbs: Set<string>;
  readonly identifyCalls: ReadonlySet<string>;
  private readonly storingMethods: Set<string>;
  private readonly pairBuilders: Set<string>;
  private readonly urlBuilders: Set<string>;
  private readonly tokenContexts: Set<string>;
  private readonly payloadArrays: Set<string>;
  private readonly storageReceivers: Set<string>;
  private readonly payloadAdders: Set<string>;
  private readonly payloadReturners: Set<string>;
  private readonly setCookieArrays: readonly string[];
  private readonly protocolKeys: Map<string, NameMatch>;
  /** header_names by their words joined with `-`: `session-id`. */
  private readonly headerNames: Map<string, NameMatch>;
  private readonly memo = new Map<string, NameMatch | null>();
  /** Every word that ends an entry: a name without one of them (most names) is answered without splitting. */
  private readonly lastWords: RegExp;

  constructor(names: PersonalNames) {
    for (const entry of names.entries) {
      for (const words of entry.words) {
        const last = words.at(-1)!;
        const list = this.byLastWord.get(last) ?? [];
        list.push({ words, match: { category: entry.category, qualified: entry.qualified, ...(entry.also ? { also: entry.also } : {}) } });
        list.sort((a, b) => b.words.length - a.words.length);
        this.byLastWord.set(last, list);
      }
    }
    this.trailingFillers = new Set(names.trailingFillers);
    this.leadingExclusions = new Set(names.leadingExclusions);
    this.personOwners = new Set(names.personOwners);
    this.placeOwners = new Set(names.placeOwners);
    this.sendingVerbs = new Set(names.sendingVerbs);
    this.identifyCalls = new Set(names.identifyCalls);
    this.storingMethods = new Set(names.storingMethods);
    this.pairBuilders = new Set(names.pairBuilders);
    this.urlBuilders = new Set(names.urlBuilders);
    this.tokenContexts = new Set(names.tokenContexts);
    this.payloadArrays = new Set(names.payloadArrays);
    this.storageReceivers = new Set(names.storageReceivers ?? []);
    this.payloadAdders = new Set(names.payloadAdders ?? []);
    this.payloadReturners = new Set(names.payloadReturners ?? []);
    this.setCookieArrays = names.setCookieArrays;
    this.protocolKeys = new Map((names.protocolKeys ?? []).map(({ key, category }) => [key, { category, qualified: false }]));
    this.headerNames = new Map((names.headerNames ?? []).flatMap(({ category, words: list }) => list.map((sequence): [string, NameMatch] => [sequence.join('-'), { category, qualified: false }])));
    const endings = [...this.byLastWord.keys()].map((word) => word.replace(/[^a-z0-9]/g, ''));
    this.lastWords = endings.length > 0 ? new RegExp(`(?:${endings.join('|')})`, 'i') : /(?!)/;
  }

  /** The personal data a name stands for, if any (`qualified` ones only count on a person: isPersonOwner). */
  match(name: string): NameMatch | undefined {
    let known = this.memo.get(name);
    if (known === undefined) {
      known = this.lastWords.test(name) ? (this.compute(words(name)) ?? null) : null;
      if (this.memo.size < 50_000) this.memo.set(name, known);
    }
    return known ?? undefined;
  }

  /**
   * A member that only says how its owner holds the value names the owner's data: `pushToken.token`,
   * `email.value`, `phoneNumber.raw` (a trailing filler, or the owner's own last word).
   */
  matchMember(owner: string, member: string): NameMatch | undefined {
    const memberWords = words(member);
    if (memberWords.length !== 1) return undefined;
    const ownerWords = words(owner);
    if (!this.trailingFillers.has(memberWords[0]!) && memberWords[0] !== ownerWords.at(-1)) return undefined;
    const match = this.match(owner);
    return match && !match.qualified ? match : undefined;
  }

  /**
   * What a getter call returns, by its name: `getCarrier()`, `getAppleIdfa()`, `fetchPushToken()`
   * (`get`, `fetch`, `read` or `load`, then a name that matches).
   */
  matchGetter(callee: string): NameMatch | undefined {
    const parts = words(callee);
    if (parts.length < 2 || !GETTER_VERBS.has(parts[0]!)) return undefined;
    const match = this.compute(parts.slice(1));
    return match && !match.qualified ? match : undefined;
  }

  /**
   * What a member getter reads from the device, by its name (`retriever.getAppleIdfa()`,
   * `info.getCarrier()`, `device.getBatteryLevel()`): a device trait or id, not data the user typed,
   * which is a site only where it reaches a sink.
   */
  matchDeviceGetter(method: string): NameMatch | undefined {
    const match = this.matchGetter(method);
    return match && DEVICE_FAMILIES.some((family) => match.category.startsWith(family)) ? match : undefined;
  }

  /** Whether an array called so holds the cookies a server sets (`setCookies`, `cookiesToSet`): its words, run together, end with a set_cookie_arrays one. */
  isSetCookieArray(receiver: string): boolean {
    const joined = words(receiver).join('');
    return this.setCookieArrays.some((ending) => joined.endsWith(ending));
  }

  /**
   * A bare `token` (`token`, `params.token`) sent from a file or function whose name speaks of push
   * notifications (`savePushToken.js`, `sendTestNotification`, `_setPushToken`): the push token. A
   * `token` elsewhere is too generic (an auth or CSRF token) to be named.
   */
  matchContextualToken(name: string, contexts: readonly string[]): NameMatch | undefined {
    if (name.toLowerCase() !== 'token' || !contexts.some((context) => words(context).some((word) => this.tokenContexts.has(word)))) return undefined;
    return this.match('pushToken');
  }

  /**
   * The other categories a value recorded as `written` (`anonymousId`, `payload.anonymousId`) is, by the
   * entry that named it as `category`: the name's own segment, else its owner's (`pushToken.token`).
   */
  alsoOf(written: string, category: string): readonly string[] {
    for (const segment of written.split('.').reverse()) {
      const match = this.match(segment);
      if (match?.category === category) return match.also ?? [];
    }
    return [];
  }

  /** Whether an object called so is a place (`venue`, `store`): its coordinates are not the user's location. */
  isPlaceOwner(name: string): boolean {
    return words(name).some((word) => this.placeOwners.has(word));
  }

  /** Whether a call's name, past its verb, names a person (`patchProfile`, `updateUserAccount`): what it sends is theirs. */
  namesPerson(calleeName: string): boolean {
    return words(calleeName).slice(1).some((word) => this.personOwners.has(word));
  }

  /**
   * Whether a value called so is a person's whole record: its last word (past fillers) is a person
   * (`user`, `githubUser`, `userInfo`, `viewer`, `profile`), not a thing of theirs (`userSettings`).
   */
  namesPersonRecord(name: string): boolean {
    const parts = words(name);
    let end = parts.length;
    while (end > 0 && this.trailingFillers.has(parts[end - 1]!)) end--;
    return end > 0 && this.personOwners.has(parts[end - 1]!);
  }

  /**
   * The data a function named for setting it sets: `setUserId`, `setUserIdFromCookie` (the words
   * between `set` and `from`), for a user-id setter of a tracker or an account module.
   */
  matchSetter(functionName: string): NameMatch | undefined {
    const parts = words(functionName);
    if (parts[0] !== 'set') return undefined;
    const from = parts.indexOf('from');
    return this.compute(parts.slice(1, from < 0 ? parts.length : from));
  }

  /** Whether an object called so holds a person's data (`user`, `customer`, `billingAddress` …). */
  isPersonOwner(name: string): boolean {
    const parts = words(name);
    return parts.some((word) => this.personOwners.has(word));
  }

  /** Whether a call named so sends or stores what it is given: its first or last word is a sending verb (`postProfile`, `apiPost`, `signIn`). */
  isSending(calleeName: string): boolean {
    const parts = words(calleeName);
    return parts.length > 0 && (this.sendingVerbs.has(parts[0]!) || this.sendingVerbs.has(parts.at(-1)!) || this.sendingVerbs.has(parts.slice(0, 2).join('')));
  }

  /** Whether a call or class named so builds a URL from what it is given (`buildSupportUrl`, `GravatarURL`, `URL`): the URL is made to be opened or requested. */
  isUrlBuilder(name: string): boolean {
    const parts = words(name);
    return parts.length > 0 && this.urlBuilders.has(parts.at(-1)!);
  }

  /** Whether a method called so on an object writes what it is given to a database or a persisted model (`Record.create`, `session.update`, `users.insertOne`). */
  isStoringMethod(method: string): boolean {
    return this.storingMethods.has(method);
  }

  /**
   * Whether a key/value call adds to a payload that is sent or kept: `add`, `append` or `set` on an
   * object named for one (`payload.add`, `searchParams.append`, `headers.set`), or a function named
   * so (`addPayloadPair`, `setConfig`, `setHeader`).
   */
  isPairBuilder(method: string, receiver: string | undefined): boolean {
    const parts = words(method);
    if (parts.length === 1 && PAIR_METHODS.has(parts[0]!)) return receiver !== undefined && words(receiver).some((word) => this.pairBuilders.has(word));
    return parts.length > 1 && PAIR_METHODS.has(parts[0]!) && parts.slice(1).some((word) => this.pairBuilders.has(word));
  }

  /** Whether an array called so collects what is sent (`payload.push(…)`, `contexts.push({ data: { email } })`): its last word is a payload_arrays one. */
  isPayloadArray(receiver: string): boolean {
    const last = words(receiver).at(-1);
    return last !== undefined && this.payloadArrays.has(last);
  }

  /** Whether an object called so is a key/value store of the Web Storage / AsyncStorage shape (`asyncStorage`, `this.storage`): its last word is a storage_receivers one. */
  isStorageReceiver(receiver: string): boolean {
    const last = words(receiver).at(-1);
    return last !== undefined && this.storageReceivers.has(last);
  }

  /** Whether a method called so adds what it is given to an event a tracker sends (`addContextEntity`): a payload_adders one. */
  isPayloadAdder(method: string): boolean {
    return this.payloadAdders.has(method);
  }

  /** Whether what a function called so returns goes with every event a tracker sends (a plugin's `contexts`): a payload_returners one. */
  isPayloadReturner(name: string): boolean {
    return this.payloadReturners.has(name);
  }

  /**
   * What a custom request header's key says it carries (`'X-Session-Id'`: the signed-in user's
   * session): `X-` and the rest of its words matched whole against header_names, so an ordinary
   * key or a variable called `sessionId` is never one.
   */
  matchHeader(key: string): NameMatch | undefined {
    if (this.headerNames.size === 0 || !/^x-[a-z0-9]/i.test(key)) return undefined;
    return this.headerNames.get(words(key).slice(1).join('-'));
  }

  /**
   * The data a payload key names (`'uid'`, `'user.email'`, `'X-User-Id'`): a qualified one (`'ip'`,
   * `'user.name'`) when the key reads it on a person (`user.name`) or the value's own name agrees.
   */
  matchKey(key: string, valueName: string | undefined): NameMatch | undefined {
    // `pb.add('tr_ci', city)`: a key a tracking protocol documents says what it carries, however short.
    const documented = this.protocolKeys.get(key) ?? this.matchHeader(key);
    if (documented) return documented;
    const segments = key.split('.');
    const match = this.match(segments.at(-1)!);
    if (!match) return undefined;
    if (!match.qualified) return match;
    const owner = segments.at(-2);
    if (owner !== undefined && this.isPersonOwner(owner)) return match;
    return valueName !== undefined && this.match(valueName)?.category === match.category ? match : undefined;
  }

  private compute(all: readonly string[]): NameMatch | undefined {
    let end = all.length;
    while (end > 0 && this.trailingFillers.has(all[end - 1]!)) end--;
    const parts = all.slice(0, end);
    if (parts.length === 0 || this.leadingExclusions.has(parts[0]!)) return undefined;
    for (const candidate of this.byLastWord.get(parts.at(-1)!) ?? []) {
      const { words: sequence } = candidate;
      if (sequence.length > parts.length) continue;
      // A bare `name` or `address` must be the whole name: `phoneticName`, `fileName`, `walletAddress` are not a person's.
      if (candidate.match.qualified && sequence.length !== parts.length) continue;
      const tail = parts.slice(parts.length - sequence.length);
      if (tail.every((word, index) => word === sequence[index])) return candidate.match;
    }
    return undefined;
  }
}

/** Methods that add a key and its value to what they are called on. */
const PAIR_METHODS = new Set(['add', 'append', 'set', 'put']);

/** Categories a member getter reads from the device: `device.id`, `device.advertising_id`, `network.carrier` … */
const DEVICE_FAMILIES = ['device.', 'network.carrier'];

const GETTER_VERBS = new Set(['get', 'fetch', 'read', 'load']);

/** A SourceApi for a name, so a named site travels the pipeline as any catalogued source does. */
export function nameApi(written: string, category: string, also: readonly string[] = []): SourceApi {
  const variants = also.length > 0 ? { also: also.map((other) => ({ category: other, platform: 'any' })) } : {};
  return { id: `name:${written}`, name: written, kind: 'read', category, confidence: 'name', platform: 'any', ...variants };
}

/** `customerPhoneNumber` → customer, phone, number; `email_address2` → email, address, 2; `IBAN` → iban. */
export function words(name: string): readonly string[] {
  // The same few names are split again and again (every call and member of every file): kept, up to a bound.
  let known = WORDS.get(name);
  if (known === undefined) {
    known = splitWords(name);
    if (WORDS.size < MAX_KEPT_WORDS) WORDS.set(name, known);
  }
  return known;
}

const WORDS = new Map<string, readonly string[]>();
const MAX_KEPT_WORDS = 50_000;

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])([0-9])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}
