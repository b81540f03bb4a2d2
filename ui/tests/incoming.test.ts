import { describe, expect, it } from "vitest";
import { isAddress, readIncoming, type Offered } from "../src/lib/incoming";

const offered = (parts: Partial<Offered>): Offered => ({ uriList: "", mozUrl: "", html: "", text: "", ...parts });

describe("readIncoming", () => {
  it("reads a dragged link's URI list, skipping comments and repeats", () => {
    expect(
      readIncoming(
        offered({
          uriList: "# dragged\r\nhttps://harbour.example/ferry\r\nhttps://harbour.example/ferry\r\nhttps://wire.example/b",
          text: "https://harbour.example/ferry",
        }),
      ),
    ).toEqual({ kind: "addresses", addresses: ["https://harbour.example/ferry", "https://wire.example/b"] });
  });

  it("reads Firefox's address-and-title list", () => {
    expect(readIncoming(offered({ mozUrl: "https://harbour.example/ferry\nNight ferry approved" }))).toEqual({
      kind: "addresses",
      addresses: ["https://harbour.example/ferry"],
    });
  });

  it("takes pasted lines that are all addresses as addresses", () => {
    expect(readIncoming(offered({ text: "https://a.example/1\n\n www.b.example/2 \n" }))).toEqual({
      kind: "addresses",
      addresses: ["https://a.example/1", "www.b.example/2"],
    });
  });

  it("takes a copied selection's HTML as a page, and other text as an article", () => {
    expect(readIncoming(offered({ html: "<p>The ferry sailed.</p>", text: "The ferry sailed." }))).toEqual({
      kind: "pasted",
      text: "The ferry sailed.",
      html: "<p>The ferry sailed.</p>",
    });
    expect(readIncoming(offered({ text: "Ferry fares set\n\nhttps://a.example/1 was cited." }))).toEqual({
      kind: "pasted",
      text: "Ferry fares set\n\nhttps://a.example/1 was cited.",
      html: null,
    });
    expect(readIncoming(offered({ text: "   " }))).toBeNull();
  });

  it("knows an address from a sentence", () => {
    expect(isAddress("HTTPS://harbour.example/x?y=1")).toBe(true);
    expect(isAddress("javascript:alert(1)")).toBe(false);
    expect(isAddress("see https://harbour.example")).toBe(false);
  });
});
