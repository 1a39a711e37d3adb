//! Random bytes from the browser: for keys (cryptographic or none) and for ids. The lowest of
//! the browser services, so the keys ([`super::crypto`]) and the rest ([`super::platform`]) can
//! both use it.

use crate::storage::StorageError;

/// `N` bytes from the browser's cryptographic random source, or why there are none. Keys, IVs
/// and salts come only from here: there is no weaker fallback.
pub fn secure_random_bytes<const N: usize>() -> Result<[u8; N], StorageError> {
    let mut buf = [0u8; N];
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(StorageError::NoSecureRandom)?;
    crypto
        .get_random_values_with_u8_array(&mut buf)
        .map_err(|_| StorageError::NoSecureRandom)?;
    Ok(buf)
}

/// `N` random bytes for ids. From the cryptographic source; should that ever fail, from the
/// clock and a counter (ids need to differ, not to be secret), never from `Math.random`.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    secure_random_bytes().unwrap_or_else(|_| {
        thread_local! { static COUNT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) }; }
        let n = COUNT.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        let seed =
            (js_sys::Date::now() as u64).rotate_left(17) ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut buf = [0u8; N];
        for (i, b) in buf.iter_mut().enumerate() {
            *b = (seed.rotate_left(8 * (i as u32 % 8)) ^ (i as u64 * 0x2545_f491)) as u8;
        }
        buf
    })
}
