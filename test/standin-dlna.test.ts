/** DLNA state belongs to one stand-in: switching it on one leaves another untouched. */
import { describe, expect, it } from "vitest";
import { gqlData, usingStandIn } from "./helpers/standin";

const status = `{ dlnaStatus { running allowedIPAddresses { ipAddress } } }`;

describe("DLNA state per instance", () => {
  it("enableDLNA and addTempDLNAIP on one stand-in do not show on another", async () => {
    await usingStandIn({}, async (a) => {
      await usingStandIn({}, async (b) => {
        await gqlData(a, `mutation { enableDLNA(input: {}) addTempDLNAIP(input: { address: "10.0.0.9" }) }`);
        expect((await gqlData(a, status)).dlnaStatus).toEqual({ running: true, allowedIPAddresses: [{ ipAddress: "10.0.0.9" }] });
        expect((await gqlData(b, status)).dlnaStatus).toEqual({ running: false, allowedIPAddresses: [] });
      });
    });
  });
});
