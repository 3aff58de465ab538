/**
 * The routing simulation (a discrete-event model of N serving nodes with prefix caches and agent
 * sessions in front of them), used by routing.bench.mjs to compare where requests are sent.
 *
 * Nodes: an LRU prefix cache of `cacheTokens` in blocks of `blockTokens`, matched from block 0 and
 * stopped at the first missing block (a block's key stands for everything before it, as vLLM's
 * chained block hashes do, so evicting a middle block breaks the rest of the chain); a hit
 * refreshes the matched prefix; a finished request stores its prompt and its generated tokens,
 * earliest blocks most recent, so conversations lose their newest blocks first. Service: `slots`
 * concurrent requests per node, FIFO queue, prefill of uncached tokens at `prefillRate` and
 * decode at `decodeRate` tokens/s per request.
 *
 * Sessions: Poisson arrivals, geometric turn counts, a shared system prompt (system and tools,
 * identical across sessions), append-only growth by tool output (lognormal, heavy tail) plus the
 * model's own output, think/tool time between turns (exponential with a tail of long tool runs),
 * and compaction: above `compactAboveTokens` the history becomes a summary and every history
 * block changes.
 *
 * A block key is a number unique to (session, epoch, index) for history blocks and to the index
 * for system-prompt blocks: because history is append-only, that identifies the whole chain
 * before the block, which is what a chain hash does.
 */

/** Mulberry32: a small seeded generator so every policy sees the same workload. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random) {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const lognormal = (random, median, sigma) => median * Math.exp(sigma * normal(random));
const exponential = (random, mean) => -mean * Math.log(Math.max(random(), 1e-12));

/** The sessions of one run: arrival time and, per turn, tokens appended, tokens generated and the pause after it. */
export function generateWorkload(settings) {
  const random = seededRandom(settings.seed);
  const sessions = [];
  let time = 0;
  for (let id = 0; id < settings.sessions; id += 1) {
    time += exponential(random, settings.arrivalWindowSeconds / settings.sessions);
    let turns = 1;
    while (random() > 1 / settings.meanTurns) turns += 1;
    const steps = [];
    for (let turn = 0; turn < turns; turn += 1) {
      const toolOutput = turn === 0 ? 0 : Math.min(settings.maxToolOutputTokens, Math.round(lognormal(random, settings.toolOutputMedianTokens, 1)));
      const userText = turn === 0 || random() < 0.15 ? Math.round(lognormal(random, 150, 0.8)) : 0;
      const output = Math.max(16, Math.round(lognormal(random, settings.outputMedianTokens, 0.5)));
      const pause = random() < 0.05 ? exponential(random, 60) : exponential(random, settings.meanThinkSeconds);
      steps.push({ append: toolOutput + userText, output, pause });
    }
    sessions.push({ id, arrival: time, steps });
  }
  return sessions;
}

/** An LRU prefix cache over block keys. */
class NodeCache {
  constructor(capacityBlocks) {
    this.capacityBlocks = capacityBlocks;
    this.blocks = new Map();
  }

  match(keys, count) {
    let matched = 0;
    while (matched < count && this.blocks.has(keys[matched])) matched += 1;
    return matched;
  }

  /** Stores (or refreshes) the first `count` blocks, the earliest as most recent. */
  store(keys, count) {
    for (let index = count - 1; index >= 0; index -= 1) {
      const key = keys[index];
      this.blocks.delete(key);
      this.blocks.set(key, true);
    }
    while (this.blocks.size > this.capacityBlocks) this.blocks.delete(this.blocks.keys().next().value);
  }
}

/** A binary heap of events ordered by time, then by insertion. */
class EventQueue {
  constructor() {
    this.items = [];
    this.counter = 0;
  }
  get size() {
    return this.items.length;
  }
  push(time, event) {
    const item = { time, order: this.counter++, event };
    const items = this.items;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (earlier(items[parent], item)) break;
      items[index] = items[parent];
      index = parent;
    }
    items[index] = item;
  }
  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && earlier(items[right], items[left]) ? right : left;
        if (earlier(last, items[child])) break;
        items[index] = items[child];
        index = child;
      }
      items[index] = last;
    }
    return top;
  }
}
const earlier = (a, b) => a.time < b.time || (a.time === b.time && a.order < b.order);

/**
 * Runs one policy over one workload. A policy is `{ choose(view) → node index, onFinish?(node, promptBlocks),
 * onSessionEnd?(session) }`
 * where the view holds what a router can see: the session, the request's block keys (`keys`,
 * `blocks`), per-node outstanding requests (`outstanding`) and, for the oracle only, the caches.
 */
export function simulate(settings, workload, createPolicy) {
  const nodes = settings.nodes;
  const blockTokens = settings.blockTokens;
  const systemBlocks = Math.floor(settings.systemTokens / blockTokens);
  const caches = Array.from({ length: nodes }, () => new NodeCache(Math.floor(settings.cacheTokens / blockTokens)));
  const outstanding = new Array(nodes).fill(0);
  const running = new Array(nodes).fill(0);
  const queues = Array.from({ length: nodes }, () => []);
  const busy = new Array(nodes).fill(0);
  const policy = createPolicy({ nodes, caches, random: seededRandom(settings.seed ^ 0x9e3779b9) });
  const events = new EventQueue();
  let promptTotal = 0;
  let cachedTotal = 0;
  let migrations = 0;
  let compactions = 0;

  const state = workload.map((session) => ({ session, turn: 0, epoch: 0, history: 0, keys: [], lastNode: -1 }));
  for (const entry of state) events.push(entry.session.arrival, { kind: "arrive", entry });

  /** Keys of the first `blocks` blocks of the session's current epoch. */
  const keysFor = (entry, blocks) => {
    const keys = entry.keys;
    for (let index = keys.length; index < blocks; index += 1) {
      keys.push(index < systemBlocks ? index : 1_000_000 + ((entry.session.id * 64 + entry.epoch) * 4096 + index));
    }
    return keys;
  };

  const start = (node, request, now) => {
    running[node] += 1;
    const { entry, promptTokens, outputTokens } = request;
    const blocks = Math.floor(promptTokens / blockTokens);
    const keys = keysFor(entry, Math.floor((promptTokens + outputTokens) / blockTokens));
    const cachedTokens = Math.min(promptTokens - 1, caches[node].match(keys, blocks) * blockTokens);
    promptTotal += promptTokens;
    cachedTotal += cachedTokens;
    const duration = (promptTokens - cachedTokens) / settings.prefillRate + outputTokens / settings.decodeRate;
    busy[node] += duration;
    events.push(now + duration, { kind: "finish", node, request });
  };

  while (events.size > 0) {
    const { time: now, event } = events.pop();
    if (event.kind === "arrive") {
      const entry = event.entry;
      const step = entry.session.steps[entry.turn];
      if (entry.turn > 0 && settings.systemTokens + entry.history + step.append > settings.compactAboveTokens) {
        entry.epoch += 1;
        entry.keys = [];
        entry.history = settings.summaryTokens;
        compactions += 1;
      }
      entry.history += step.append;
      const promptTokens = settings.systemTokens + entry.history;
      const blocks = Math.floor(promptTokens / blockTokens);
      const keys = keysFor(entry, blocks);
      const node = policy.choose({ session: entry.session.id, keys, blocks, outstanding, first: entry.turn === 0 });
      if (entry.lastNode !== -1 && entry.lastNode !== node) migrations += 1;
      entry.lastNode = node;
      outstanding[node] += 1;
      const request = { entry, promptTokens, outputTokens: step.output };
      if (running[node] < settings.slots) start(node, request, now);
      else queues[node].push(request);
    } else {
      const { node, request } = event;
      const { entry, promptTokens, outputTokens } = request;
      caches[node].store(entry.keys, Math.floor((promptTokens + outputTokens) / blockTokens));
      policy.onFinish?.(node, Math.floor(promptTokens / blockTokens));
      running[node] -= 1;
      outstanding[node] -= 1;
      if (queues[node].length > 0) start(node, queues[node].shift(), now);
      entry.history += outputTokens;
      const step = entry.session.steps[entry.turn];
      entry.turn += 1;
      if (entry.turn < entry.session.steps.length) events.push(now + step.pause, { kind: "arrive", entry });
      else policy.onSessionEnd?.(entry.session.id);
    }
  }
  const meanBusy = busy.reduce((sum, value) => sum + value, 0) / nodes;
  return {
    cachedRatio: cachedTotal / promptTotal,
    maxMeanLoad: Math.max(...busy) / meanBusy,
    promptTokens: promptTotal,
    cachedTokens: cachedTotal,
    migrationsPerSession: migrations / workload.length,
    compactions,
  };
}
