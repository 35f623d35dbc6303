// `npm run prices` beside a running instance: the CLI finds the instance's PostgreSQL port in its data folder
// (postmaster.pid) instead of assuming the default, and names the variable to set when it cannot.
import { describe, expect, it } from "vitest";
import { portFromPidFile } from "@/lib/db/embedded-postgres";

describe("portFromPidFile", () => {
  it("reads the port from line 4 of PostgreSQL's postmaster.pid, or null", () => {
    expect(portFromPidFile("4242\n/var/lib/pgdata\n1732870000\n61234\n\n127.0.0.1\n  5432001  1\nready\n")).toBe(61234);
    expect(portFromPidFile("4242\n/var/lib/pgdata\n")).toBeNull();
    expect(portFromPidFile(undefined)).toBeNull();
    expect(portFromPidFile("1\n2\n3\n99999\n")).toBeNull();
  });
});
