import { describe, expect, it } from "vitest";
import { textDirection } from "../src/lib/direction";
import {
  articlesLabel,
  fileName,
  formatDate,
  formatDateTime,
  formatLanguage,
  formatNumber,
  formatSourceFormat,
  formatWordCount,
} from "../src/lib/format";

describe("formatDate", () => {
  it("shows the date as the outlet printed it, without a time-zone shift", () => {
    expect(formatDate("2026-03-14")).toBe("14 Mar 2026");
    // 23:30 at -05:00 is already the 15th in UTC; the reader expects the printed date.
    expect(formatDate("2026-03-14T23:30:00-05:00")).toBe("14 Mar 2026");
  });

  it("keeps text it cannot read and shows nothing for a missing date", () => {
    expect(formatDate("spring 2026")).toBe("spring 2026");
    expect(formatDate("2026-13-01")).toBe("2026-13-01");
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
  });
});

describe("formatDateTime", () => {
  it("adds the time and names the offset", () => {
    expect(formatDateTime("2026-03-14T18:05:00+00:00")).toBe("14 Mar 2026, 18:05 UTC");
    expect(formatDateTime("2026-03-14T18:05:00Z")).toBe("14 Mar 2026, 18:05 UTC");
    expect(formatDateTime("2026-03-14T20:30:00+02:00")).toBe("14 Mar 2026, 20:30 +02:00");
    expect(formatDateTime("2026-03-14T20:30:00")).toBe("14 Mar 2026, 20:30");
  });

  it("falls back to the date alone", () => {
    expect(formatDateTime("2026-03-14")).toBe("14 Mar 2026");
  });
});

describe("numbers and labels", () => {
  it("groups thousands and agrees in number", () => {
    expect(formatWordCount(1)).toBe("1 word");
    expect(formatWordCount(0)).toBe("0 words");
    expect(formatWordCount(1234567)).toBe("1,234,567 words");
    expect(formatNumber(987)).toBe("987");
    expect(articlesLabel(1)).toBe("1 article");
    expect(articlesLabel(12)).toBe("12 articles");
  });

  it("names languages and formats for people", () => {
    expect(formatLanguage("ar")).toBe("Arabic (ar)");
    expect(formatLanguage("pt-BR")).toBe("Portuguese (pt-BR)");
    expect(formatLanguage("xx")).toBe("xx");
    expect(formatLanguage(null)).toBe("");
    expect(formatSourceFormat("html")).toBe("Web page (HTML)");
    expect(formatSourceFormat("odt")).toBe("odt");
  });

  it("takes the file name from Unix and Windows paths", () => {
    expect(fileName("/home/ana/news/report.html")).toBe("report.html");
    expect(fileName("C:\\Users\\ana\\report.pdf")).toBe("report.pdf");
    expect(fileName("/home/ana/folder/")).toBe("folder");
    expect(fileName("https://harbour.example/news/ferry/")).toBe("harbour.example/news/ferry");
    expect(fileName("plain.txt")).toBe("plain.txt");
  });
});

describe("textDirection", () => {
  it("reads Arabic, Persian, Hebrew and Urdu right to left", () => {
    for (const lang of ["ar", "fa", "he", "ur", "ar-EG", "FA"]) expect(textDirection(lang)).toBe("rtl");
  });

  it("reads other and unknown languages left to right", () => {
    for (const lang of ["en", "ru", "zh", "ja", "", null, undefined]) expect(textDirection(lang)).toBe("ltr");
  });
});
