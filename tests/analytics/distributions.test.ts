// Distribution functions against published table values and closed forms.
import { describe, expect, it } from "vitest";
import { fCdf, fSurvival, logGamma, normalCdf, normalQuantile, normalTwoSidedP, studentTCdf, studentTCritical, studentTTwoSidedP } from "@/lib/analytics";

describe("normal distribution", () => {
  it("matches table values of Φ", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 12); // deep tail keeps relative precision
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
  });
  it("inverts Φ to the familiar critical values", () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 13);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 13);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263478740408408, 13);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
  });
});

describe("Student t distribution", () => {
  it("matches the t table: two-sided 5 % critical values", () => {
    expect(studentTTwoSidedP(Math.tan(0.475 * Math.PI), 1)).toBeCloseTo(0.05, 14); // Cauchy: exact
    // Table value t(0.975, 10) = 2.228138851964938… (printed tables stop at 2.228; the p agrees to ~1e-12).
    expect(studentTTwoSidedP(2.2281388519649385, 10)).toBeCloseTo(0.05, 11);
    expect(studentTTwoSidedP(1.9699, 238)).toBeCloseTo(0.05, 4);
  });
  it("matches closed forms for 1 and 2 degrees of freedom", () => {
    // ν = 1 is Cauchy: F(t) = ½ + atan(t)/π.
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 15);
    expect(studentTCdf(-3, 1)).toBeCloseTo(0.5 + Math.atan(-3) / Math.PI, 15);
    // ν = 2: F(t) = ½ + t / (2√(2 + t²)).
    expect(studentTCdf(1.5, 2)).toBeCloseTo(0.5 + 1.5 / (2 * Math.sqrt(2 + 2.25)), 15);
  });
  it("tends to the normal for large df", () => {
    expect(studentTCdf(1.96, 1e7)).toBeCloseTo(normalCdf(1.96), 7);
  });
});

describe("F distribution and log-gamma", () => {
  it("F(2, 2) has CDF f / (1 + f)", () => {
    expect(fCdf(4, 2, 2)).toBeCloseTo(0.8, 15);
    expect(fSurvival(4, 2, 2)).toBeCloseTo(0.2, 15);
  });
  it("F(1, ν) is the square of t(ν)", () => {
    expect(fSurvival(2.2281388519649385 ** 2, 1, 10)).toBeCloseTo(studentTTwoSidedP(2.2281388519649385, 10), 14);
  });
  it("ln Γ of integers and one half", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });
});

describe("Student t critical values", () => {
  it("matches printed two-sided 5% and 1% table values", () => {
    expect(studentTCritical(10, 0.05)).toBeCloseTo(2.228138852, 8);
    expect(studentTCritical(30, 0.05)).toBeCloseTo(2.042272456, 8);
    expect(studentTCritical(1, 0.05)).toBeCloseTo(12.70620474, 7);
    expect(studentTCritical(20, 0.01)).toBeCloseTo(2.845339710, 8);
  });
});
