import { describe, expect, it } from "vitest";
import { CALIBRATION_BOUNDS, calibrate, raiseCalibrationForOverflow, updateCalibration } from "./calibration.js";

describe("updateCalibration", () => {
  it("starts from the first report and averages the first few", () => {
    const first = updateCalibration(undefined, { estimated: 10_000, reported: 11_000 });
    expect(first).toEqual({ ratio: 1.1, samples: 1 });
    const second = updateCalibration(first, { estimated: 10_000, reported: 12_000 });
    expect(second!.ratio).toBeCloseTo(1.15, 6);
    expect(second!.samples).toBe(2);
  });

  it("follows a drift: an estimate that keeps missing is corrected", () => {
    let calibration = updateCalibration(undefined, { estimated: 20_000, reported: 20_000 });
    for (let index = 0; index < 15; index++) calibration = updateCalibration(calibration, { estimated: 20_000, reported: 26_000 });
    expect(calibration!.ratio).toBeGreaterThan(1.28);
    expect(calibrate(100_000, calibration)).toBeGreaterThan(128_000);
  });

  it("ignores small requests, missing and absurd reports, and clamps to a sane band", () => {
    const base = { ratio: 1, samples: 3 };
    expect(updateCalibration(base, { estimated: 500, reported: 900 })).toBe(base);
    expect(updateCalibration(base, { estimated: 5000, reported: 0 })).toBe(base);
    expect(updateCalibration(base, { estimated: 5000, reported: Number.NaN })).toBe(base);
    expect(updateCalibration(undefined, { estimated: 5000, reported: 500_000 })!.ratio).toBe(CALIBRATION_BOUNDS.max);
    expect(updateCalibration(undefined, { estimated: 5000, reported: 10 })!.ratio).toBe(CALIBRATION_BOUNDS.min);
  });
});

describe("calibrate", () => {
  it("rounds up and leaves estimates alone without a calibration", () => {
    expect(calibrate(1000, undefined)).toBe(1000);
    expect(calibrate(1000, { ratio: 1.0001, samples: 1 })).toBe(1001);
  });
});

describe("raiseCalibrationForOverflow", () => {
  it("raises the ratio so the estimate reaches the window", () => {
    const raised = raiseCalibrationForOverflow({ ratio: 1, samples: 4 }, 100_000, 120_000);
    expect(raised!.ratio).toBeGreaterThanOrEqual(1.2);
    expect(raiseCalibrationForOverflow({ ratio: 1.5, samples: 4 }, 100_000, 120_000)!.ratio).toBe(1.5);
  });
});
