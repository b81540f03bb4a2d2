//! Extraction speed: a typical news page, and a large plain-text file (linear-time check).

use parallax_core::extract::extract;

fn main() {
    divan::main();
}

/// A fictional article page with the usual clutter around ~12 paragraphs.
fn news_page() -> String {
    let mut page = String::from(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour ferry line approved | The Harbour Wire</title>
<meta property="og:site_name" content="The Harbour Wire"><meta property="article:published_time" content="2026-03-14T09:05:00Z">
<link rel="canonical" href="https://harbourwire.example/news/ferry"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="share">Share on Facebook Twitter Email</div><article><h1>Harbour ferry line approved</h1><p class="byline">By Jane Quill</p>"#,
    );
    for i in 0..12 {
        page.push_str(&format!(
            "<p>Paragraph {i}: the Eastbrook council voted on the fictional ferry line after a long debate, \
             with residents of both harbour districts asking about fares, timetables and the noise of the engines.</p>"
        ));
    }
    page.push_str(r#"</article><aside class="related"><h3>Related</h3><ul><li><a href="/a">Other story</a></li></ul></aside>
<div class="newsletter">Sign up for our newsletter</div><footer>© 2026 The Harbour Wire</footer></body></html>"#);
    page
}

#[divan::bench]
fn html_page(bencher: divan::Bencher) {
    let page = news_page();
    bencher.bench(|| extract(divan::black_box(page.as_bytes()), "page.html"));
}

#[divan::bench(args = [1, 16])]
fn large_text_megabytes(bencher: divan::Bencher, megabytes: usize) {
    let paragraph = "The Eastbrook council voted on the fictional ferry line after a long debate about fares.\n\n";
    let text = paragraph.repeat(megabytes * (1 << 20) / paragraph.len());
    bencher.bench(|| extract(divan::black_box(text.as_bytes()), "notes.txt"));
}
