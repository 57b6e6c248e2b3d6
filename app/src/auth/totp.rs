//! One-time codes (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, six digits), as every
//! authenticator app reads them from an `otpauth://` address, and the QR code that carries the
//! address. Written here in a few lines over the `hmac` and `sha1` crates already in the
//! build (the `totp-rs` crate would bring a second copy of the digest crates and a URL parser).

use hmac::{Hmac, Mac};
use sha1::Sha1;

/// Seconds per step.
pub const STEP: i64 = 30;
const DIGITS: u32 = 6;

/// The HOTP value (RFC 4226) of `counter` under `secret`, `digits` long.
fn hotp(secret: &[u8], counter: u64, digits: u32) -> u32 {
    // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(secret).unwrap_or_else(|_| unreachable!());
    mac.update(&counter.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let offset = usize::from(h[19] & 0x0f);
    let value = u32::from_be_bytes([h[offset] & 0x7f, h[offset + 1], h[offset + 2], h[offset + 3]]);
    value % 10u32.pow(digits)
}

/// The code an authenticator app shows at `unix` seconds.
pub fn code_at(secret: &[u8], unix: i64) -> String {
    format!("{:06}", hotp(secret, u64::try_from(unix.div_euclid(STEP)).unwrap_or(0), DIGITS))
}

/// The step `code` is right for at `unix` seconds, allowing one step of clock drift either
/// way, and only a step after `last_used` (a code works once); `None` otherwise. All three
/// steps are always computed, so the time taken says nothing about which matched.
pub fn verify(secret: &[u8], code: &str, unix: i64, last_used: Option<i64>) -> Option<i64> {
    let code = code.trim().replace(' ', "");
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let wanted: u32 = code.parse().ok()?;
    let now = unix.div_euclid(STEP);
    let mut found = None;
    for step in [now - 1, now, now + 1] {
        let right = u64::try_from(step).is_ok_and(|s| hotp(secret, s, DIGITS) == wanted);
        if right && found.is_none() && last_used.is_none_or(|last| step > last) {
            found = Some(step);
        }
    }
    found
}

/// A new secret: 20 random bytes, as RFC 4226 recommends for SHA-1.
pub fn new_secret() -> Vec<u8> {
    use rand::RngCore;
    let mut bytes = vec![0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
}

/// A secret as people type it into an app: base32 without padding, in groups of four.
pub fn to_base32(secret: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(secret)
}

pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    data_encoding::BASE32_NOPAD.decode(text.as_bytes()).ok()
}

/// Groups of four characters, for reading aloud or typing.
pub fn grouped(base32: &str) -> String {
    base32.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// The `otpauth://` address an authenticator app reads (from the QR code or typed).
pub fn otpauth_url(issuer: &str, account: &str, secret: &[u8]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits=6&period=30",
        enc(issuer),
        enc(account),
        to_base32(secret),
        enc(issuer)
    )
}

/// The QR code of `text` as an inline SVG element (drawn on the server, no script needed).
/// Drawing one costs more than the rest of its page, and the page is shown again with the
/// same code until the account is enrolled: the last few drawn are kept.
pub fn qr_svg(text: &str) -> Option<String> {
    static DRAWN: std::sync::Mutex<Vec<(String, String)>> = std::sync::Mutex::new(Vec::new());
    const KEPT: usize = 32;
    let lock = || DRAWN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, svg)) = lock().iter().find(|(t, _)| t == text) {
        return Some(svg.clone());
    }
    let svg = draw_qr(text)?;
    let mut drawn = lock();
    if drawn.len() >= KEPT {
        drawn.remove(0);
    }
    drawn.push((text.to_string(), svg.clone()));
    Some(svg)
}

fn draw_qr(text: &str) -> Option<String> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let svg = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    svg.find("<svg").map(|start| svg[start..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"12345678901234567890";

    #[test]
    fn rfc_6238_test_vectors() {
        for (t, expected) in [
            (59_i64, 94_287_082_u32),
            (1_111_111_109, 7_081_804),
            (1_111_111_111, 14_050_471),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
            (20_000_000_000, 65_353_130),
        ] {
            assert_eq!(hotp(KEY, (t / STEP) as u64, 8), expected, "t = {t}");
        }
    }

    #[test]
    fn a_code_is_right_for_its_step_and_its_neighbours_once() {
        assert_eq!(code_at(KEY, 59), "287082");
        assert_eq!(verify(KEY, "287082", 59, None), Some(1));
        assert_eq!(verify(KEY, "287 082", 89, None), Some(1), "a step late, typed with a space");
        assert_eq!(verify(KEY, "287082", 119, None), None, "two steps late");
        assert_eq!(verify(KEY, "287082", 59, Some(1)), None, "already used");
        assert_eq!(verify(KEY, "28708", 59, None), None);
        assert_eq!(verify(KEY, "abcdef", 59, None), None);
    }

    #[test]
    fn secrets_travel_as_base32_and_in_the_apps_address() {
        let url = otpauth_url("Liaison 联络通", "li.na@liaison.test", KEY);
        assert_eq!(
            url,
            "otpauth://totp/Liaison%20%E8%81%94%E7%BB%9C%E9%80%9A:li.na%40liaison.test?\
             secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Liaison%20%E8%81%94%E7%BB%9C%E9%80%9A&algorithm=SHA1&digits=6&period=30"
        );
        assert_eq!(from_base32(&to_base32(KEY)).as_deref(), Some(KEY));
        assert_eq!(grouped("GEZDGNBVGY"), "GEZD GNBV GY");
        assert_eq!(new_secret().len(), 20);
        assert_ne!(new_secret(), new_secret());
        let svg = qr_svg(&url).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("</svg>"));
        // Shown again, the code kept is the one drawn; another account's is its own.
        assert_eq!(qr_svg(&url).unwrap(), svg);
        assert_eq!(draw_qr(&url).unwrap(), svg);
        let other = otpauth_url("Liaison", "wang.fang@liaison.test", KEY);
        assert_ne!(qr_svg(&other).unwrap(), svg);
    }
}
