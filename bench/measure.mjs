// A small timing helper: runs `fn` in batches after a warm-up and reports the median seconds per
// call across batches (medians resist the noise of a shared machine).
export async function measure(fn, { iterations = 10_000, batches = 7, warmup = Math.min(iterations, 1_000) } = {}) {
  for (let index = 0; index < warmup; index++) await fn(index);
  const perCall = [];
  const perBatch = Math.max(1, Math.floor(iterations / batches));
  for (let batch = 0; batch < batches; batch++) {
    const start = process.hrtime.bigint();
    for (let index = 0; index < perBatch; index++) await fn(index);
    perCall.push(Number(process.hrtime.bigint() - start) / 1e9 / perBatch);
  }
  perCall.sort((a, b) => a - b);
  return { median: perCall[Math.floor(perCall.length / 2)], min: perCall[0], max: perCall[perCall.length - 1] };
}

/** Median seconds of single calls, for slower operations measured one at a time. */
export async function measureEach(fn, { runs = 21, warmup = 3 } = {}) {
  for (let index = 0; index < warmup; index++) await fn(index);
  const samples = [];
  for (let index = 0; index < runs; index++) {
    const start = process.hrtime.bigint();
    await fn(index);
    samples.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples[samples.length - 1], samples };
}
