//! Saved web archives (`.mhtml`/`.mht`): finds the HTML part of the MIME message and decodes its
//! transfer encoding (quoted-printable or base64) and charset.

/// The HTML part's bytes, the charset named in its headers and the archived page's address.
#[derive(Debug, Default)]
pub(crate) struct HtmlPart {
    pub bytes: Vec<u8>,
    pub charset: Option<String>,
    pub location: Option<String>,
}

/// Finds the first `text/html` part; `None` when the bytes are not a MIME archive.
pub(crate) fn html_part(bytes: &[u8]) -> Option<HtmlPart> {
    let text = String::from_utf8_lossy(bytes);
    let (head, _) = split_headers(&text)?;
    let boundary = header_param(head, "boundary")?;
    let delimiter = format!("--{boundary}");
    for part in text.split(delimiter.as_str()).skip(1) {
        let part = part.trim_start_matches(['\r', '\n']);
        let Some((headers, body)) = split_headers(part) else {
            continue;
        };
        let lower = headers.to_ascii_lowercase();
        if !lower.contains("content-type: text/html") {
            continue;
        }
        let bytes = if lower.contains("content-transfer-encoding: base64") {
            base64(body)
        } else if lower.contains("content-transfer-encoding: quoted-printable") {
            quoted_printable(body)
        } else {
            body.as_bytes().to_vec()
        };
        return Some(HtmlPart {
            bytes,
            charset: header_param(headers, "charset"),
            location: header_value(headers, "content-location"),
        });
    }
    None
}

fn split_headers(s: &str) -> Option<(&str, &str)> {
    s.split_once("\r\n\r\n").or_else(|| s.split_once("\n\n"))
}

fn header_value(headers: &str, name: &str) -> Option<String> {
    headers.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().to_string())
    })
}

/// A `name=value` parameter anywhere in the (possibly folded) headers.
fn header_param(headers: &str, name: &str) -> Option<String> {
    let lower = headers.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = &headers[at..];
    let value = if let Some(quoted) = rest.strip_prefix('"') {
        quoted.split('"').next()?
    } else {
        rest.split([';', '\r', '\n', ' ']).next()?
    };
    (!value.is_empty()).then(|| value.to_string())
}

fn quoted_printable(body: &str) -> Vec<u8> {
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                i += 3;
                continue;
            }
            if b.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            let hex = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(byte) = hex {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn base64(body: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for v in body.bytes().filter_map(value) {
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_quoted_printable_html_part() {
        let archive = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://wire.example/a\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B\"\r\n\r\n------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://wire.example/a\r\n\r\n<p>Caf=C3=A9 op=\r\nens</p>\r\n------B--\r\n";
        let part = html_part(archive.as_bytes()).expect("html part");
        assert_eq!(
            String::from_utf8(part.bytes).unwrap().trim(),
            "<p>Café opens</p>"
        );
        assert_eq!(part.location.as_deref(), Some("https://wire.example/a"));
    }

    #[test]
    fn decodes_base64() {
        assert_eq!(base64("SGVs\r\nbG8="), b"Hello");
    }
}
