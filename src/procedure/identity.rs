//! A profile's identity beyond its id: the version a council gives it and a hash of its
//! content, so a device can tell two files that claim the same version apart, and an export can
//! name a built-in profile exactly without carrying it.

use sha2::{Digest, Sha256};

/// The profile's JSON written one way whatever the file's spacing and key order: the form that
/// is hashed and carried in exports.
pub fn canonical(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    Some(canonical_value(&value))
}

/// [`canonical`] of a value already read (object keys sorted, no spaces).
pub fn canonical_value(value: &serde_json::Value) -> String {
    let mut out = String::new();
    write_sorted(value, &mut out);
    out
}

fn write_sorted(v: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_sorted(&map[k], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_sorted(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The SHA-256 of `canonical` text, in lower-case hex.
pub fn content_hash(canonical: &str) -> String {
    let digest = Sha256::digest(canonical.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The first 12 characters of a hash: enough for a person to compare two.
pub fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_and_key_order_do_not_change_the_hash() {
        let a = canonical("{\"b\": [1, {\"y\":2,\"x\":\"é\"}], \"a\": null}").unwrap();
        let b =
            canonical("{\n  \"a\": null,\n  \"b\": [ 1, { \"x\": \"é\", \"y\": 2 } ]\n}").unwrap();
        assert_eq!(a, "{\"a\":null,\"b\":[1,{\"x\":\"é\",\"y\":2}]}");
        assert_eq!(a, b);
        assert_eq!(content_hash(&a), content_hash(&b));
    }

    #[test]
    fn a_changed_word_changes_the_hash() {
        let a = content_hash(&canonical("{\"name\":\"Assessment\"}").unwrap());
        let b = content_hash(&canonical("{\"name\":\"Assessments\"}").unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
    }

    #[test]
    fn the_hash_is_sha256_of_the_canonical_text() {
        // `printf '{}' | sha256sum`
        assert_eq!(
            content_hash("{}"),
            "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
        assert_eq!(short("44136fa355b3678a"), "44136fa355b3");
    }
}
