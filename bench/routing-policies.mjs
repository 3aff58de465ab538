/**
 * The routing policies compared by routing.bench.mjs. Each is a factory `({ nodes, caches, random })`
 * → `{ choose(view), onSessionEnd? }` (see routing-simulation.mjs for the view). Bridle's policy is
 * the plugin's own `chooseHome`, imported, not re-implemented here.
 */
import { chooseHome } from "@bridle/plugin-cache-routing";

/** A 32-bit hash of a number, for the hash-based policies (not for cache keys). */
function mix(value, seed = 0) {
  let h = (value ^ seed ^ 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

const leastOf = (values, random, among = values.map((_, index) => index)) => {
  let best = Infinity;
  let chosen = [];
  for (const index of among) {
    if (values[index] < best) {
      best = values[index];
      chosen = [index];
    } else if (values[index] === best) chosen.push(index);
  }
  return chosen[Math.floor(random() * chosen.length)];
};

export const random = ({ nodes, random }) => ({ choose: () => Math.floor(random() * nodes) });

export const roundRobin = ({ nodes }) => {
  let next = 0;
  return { choose: () => next++ % nodes };
};

export const leastLoaded = ({ random }) => ({ choose: ({ outstanding }) => leastOf(outstanding, random) });

export const sticky = ({ nodes }) => ({ choose: ({ session }) => mix(session) % nodes });

/**
 * Consistent hashing with bounded loads (Mirrokni, Thorup, Zadimoghaddam): a ring of virtual
 * nodes; each request walks from its session's point to the first node whose outstanding load is
 * below ⌈(1+ε)·(total+1)/N⌉. Every request is placed afresh, so a session drifts back home.
 */
export const boundedConsistentHashing = (epsilon) => ({ nodes }) => {
  const ring = [];
  for (let node = 0; node < nodes; node += 1) for (let replica = 0; replica < 64; replica += 1) ring.push({ point: mix(node * 1000 + replica, 0xabc), node });
  ring.sort((a, b) => a.point - b.point);
  return {
    choose: ({ session, outstanding }) => {
      const total = outstanding.reduce((sum, value) => sum + value, 0);
      const bound = Math.ceil(((1 + epsilon) * (total + 1)) / nodes);
      const point = mix(session, 0x51ed);
      let low = 0;
      let high = ring.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (ring[middle].point < point) low = middle + 1;
        else high = middle;
      }
      for (let step = 0; step < ring.length; step += 1) {
        const { node } = ring[(low + step) % ring.length];
        if (outstanding[node] < bound) return node;
      }
      return ring[low % ring.length].node;
    },
  };
};

/**
 * A port of SGLang's `cache_aware` policy (SMG defaults: cache threshold 0.3, balance abs 64,
 * rel 1.5) over block keys instead of characters. The tree records which worker each prefix was
 * last sent to, never what the workers evicted; each worker's share is trimmed least recently
 * used above `maxTreeBlocks` (SMG's 67,108,864 characters at 4 characters a token). When the
 * loads are imbalanced the least-loaded worker wins; otherwise the first tenant (in map order) of
 * the deepest matched node when the match rate is above the threshold, else the worker with the
 * smallest share of the tree. Prompt blocks are inserted under the chosen worker; outputs are not.
 */
export const approximateTree = ({ cacheThreshold = 0.3, balanceAbs = 64, balanceRel = 1.5, maxTreeBlocks } = {}) => ({ nodes, random }) => {
  const tree = new Map(); // block key → Map<worker, true> in insertion order
  const shares = Array.from({ length: nodes }, () => new Map()); // per worker: block key → true, LRU order
  const touch = (worker, key) => {
    const share = shares[worker];
    share.delete(key);
    share.set(key, true);
  };
  return {
    choose: ({ keys, blocks, outstanding }) => {
      const max = Math.max(...outstanding);
      const min = Math.min(...outstanding);
      let worker;
      if (max - min > balanceAbs && max > balanceRel * min) worker = leastOf(outstanding, random);
      else {
        let depth = 0;
        while (depth < blocks && tree.has(keys[depth])) depth += 1;
        const rate = blocks === 0 ? 0 : depth / blocks;
        if (depth > 0 && rate > cacheThreshold) worker = tree.get(keys[depth - 1]).keys().next().value;
        else worker = leastOf(shares.map((share) => share.size), random);
      }
      for (let index = 0; index < blocks; index += 1) {
        const key = keys[index];
        let tenants = tree.get(key);
        if (!tenants) tree.set(key, (tenants = new Map()));
        tenants.set(worker, true);
        touch(worker, key);
      }
      const limit = maxTreeBlocks ?? Infinity;
      const share = shares[worker];
      while (share.size > limit) {
        const oldest = share.keys().next().value;
        share.delete(oldest);
        const tenants = tree.get(oldest);
        tenants.delete(worker);
        if (tenants.size === 0) tree.delete(oldest);
      }
      return worker;
    },
  };
};

/**
 * Precise routing on the true cache state (llm-d precise, NVIDIA Dynamo with KV events): the
 * lowest `w·uncached_blocks + active_blocks`, where active blocks are the prompt blocks of the
 * requests the node is serving or queueing, with w = 4 (cache misses weighed above load, as
 * caching.md §(d) recommends for long, mostly cached agent prompts); least loaded among equals.
 */
export const oracle = ({ caches, nodes, random }) => {
  const active = new Array(nodes).fill(0);
  const weight = 4;
  return {
    choose: ({ keys, blocks, outstanding }) => {
      const cost = caches.map((cache, node) => weight * (blocks - cache.match(keys, blocks)) + active[node]);
      const best = Math.min(...cost);
      const among = cost.flatMap((value, index) => (value === best ? [index] : []));
      const node = leastOf(outstanding, random, among);
      active[node] += blocks;
      return node;
    },
    onFinish: (node, blocks) => {
      active[node] -= blocks;
    },
  };
};

/**
 * Bridle: what a client can do alone. It sees no server load and no cache, only its own sessions:
 * each session lives on the endpoint `chooseHome` gives it (rendezvous hashing of its affinity
 * key with a bound on the sessions living on each endpoint) and stays there.
 */
export const bridle = ({ nodes }) => {
  const endpoints = Array.from({ length: nodes }, (_, index) => `node-${index}`);
  const homes = new Map();
  const load = Object.fromEntries(endpoints.map((endpoint) => [endpoint, 0]));
  return {
    choose: ({ session }) => {
      const home = homes.get(session);
      const choice = chooseHome({ key: `session-${session}`, endpoints, home, load: withoutSelf(load, home) });
      if (choice.endpoint !== home) {
        if (home !== undefined) load[home] -= 1;
        load[choice.endpoint] += 1;
        homes.set(session, choice.endpoint);
      }
      return Number(choice.endpoint.slice("node-".length));
    },
    onSessionEnd: (session) => {
      const home = homes.get(session);
      if (home !== undefined) load[home] -= 1;
      homes.delete(session);
    },
  };
};

const withoutSelf = (load, home) => (home === undefined ? load : { ...load, [home]: load[home] - 1 });

/** Row name → policy factory, in the order of the issue. */
export function policies({ cacheTokens, blockTokens }) {
  return {
    random,
    "round-robin": roundRobin,
    "least-loaded": leastLoaded,
    sticky,
    "bounded-ch-0.25": boundedConsistentHashing(0.25),
    "bounded-ch-1.0": boundedConsistentHashing(1.0),
    "approx-tree": approximateTree({ maxTreeBlocks: Math.floor(67_108_864 / 4 / blockTokens) }),
    bridle,
    oracle,
  };
}
