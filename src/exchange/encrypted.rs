//! Encrypted exports: an assessment's export file encrypted to a passphrase, for sending by
//! email or keeping on a shared drive. The format (documented in the README):
//!
//! ```json
//! { "format": "assessment-workbench/encrypted", "version": 1,
//!   "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "<base64, 16 bytes>" },
//!   "cipher": { "name": "AES-GCM", "length": 256, "iv": "<base64, 12 bytes>" },
//!   "data": "<base64: the UTF-8 export file, encrypted, with the 16-byte tag at the end>" }
//! ```
//! This module reads and writes the envelope; the browser does the cryptography.

use super::base64;
use super::ImportError;
use serde::{Deserialize, Serialize};

/// The `format` of an encrypted export.
pub const ENCRYPTED_FORMAT: &str = "assessment-workbench/encrypted";

/// Key derivation parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kdf {
    pub name: String,
    pub hash: String,
    pub iterations: u32,
    pub salt: String,
}

/// Cipher parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CipherParams {
    pub name: String,
    pub length: u32,
    pub iv: String,
}

/// An encrypted export file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedExport {
    pub format: String,
    pub version: u32,
    pub kdf: Kdf,
    pub cipher: CipherParams,
    pub data: String,
}

/// What an encrypted export holds, decoded and checked, ready to decrypt.
#[derive(Clone, Debug, PartialEq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub data: Vec<u8>,
}

/// Writes an encrypted export file.
pub fn write(iterations: u32, salt: &[u8], iv: &[u8], data: &[u8]) -> String {
    let e = EncryptedExport {
        format: ENCRYPTED_FORMAT.into(),
        version: 1,
        kdf: Kdf {
            name: "PBKDF2".into(),
            hash: "SHA-256".into(),
            iterations,
            salt: base64::encode(salt),
        },
        cipher: CipherParams {
            name: "AES-GCM".into(),
            length: 256,
            iv: base64::encode(iv),
        },
        data: base64::encode(data),
    };
    let mut s = serde_json::to_string_pretty(&e).expect("serialisable");
    s.push('\n');
    s
}

fn bad(reason: &str) -> ImportError {
    ImportError::InvalidField {
        path: "encrypted file".into(),
        reason: reason.into(),
    }
}

/// Reads a file as an encrypted export: `None` when it is not one (a plain export, or not
/// JSON at all), otherwise the parts to decrypt or what is wrong with them.
pub fn read(text: &str) -> Option<Result<Sealed, ImportError>> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    if value.get("format")?.as_str()? != ENCRYPTED_FORMAT {
        return None;
    }
    Some((|| {
        let e: EncryptedExport = serde_json::from_value(value)
            .map_err(|e| bad(&format!("the encrypted file is not complete ({e})")))?;
        if e.version != 1 {
            return Err(bad(&format!(
                "it uses encryption version {}, which this app does not know",
                e.version
            )));
        }
        if e.kdf.name != "PBKDF2"
            || e.kdf.hash != "SHA-256"
            || e.cipher.name != "AES-GCM"
            || e.cipher.length != 256
        {
            return Err(bad("it uses a kind of encryption this app does not know"));
        }
        if !(100_000..=10_000_000).contains(&e.kdf.iterations) {
            return Err(bad(
                "its key derivation settings are outside what this app accepts",
            ));
        }
        let salt = base64::decode(&e.kdf.salt)
            .filter(|s| s.len() >= 16)
            .ok_or_else(|| bad("its salt is damaged"))?;
        let iv = base64::decode(&e.cipher.iv)
            .filter(|v| v.len() == 12)
            .ok_or_else(|| bad("its IV is damaged"))?;
        let data = base64::decode(&e.data)
            .filter(|d| d.len() > 16)
            .ok_or_else(|| bad("its contents are damaged"))?;
        Ok(Sealed {
            iterations: e.kdf.iterations,
            salt,
            iv,
            data,
        })
    })())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_files_read_back_and_plain_files_are_not_encrypted() {
        let text = write(600_000, &[1; 16], &[2; 12], &[3; 40]);
        let sealed = read(&text).unwrap().unwrap();
        assert_eq!(
            sealed,
            Sealed {
                iterations: 600_000,
                salt: vec![1; 16],
                iv: vec![2; 12],
                data: vec![3; 40]
            }
        );
        assert!(text.contains("\"format\": \"assessment-workbench/encrypted\""));
        assert!(read(include_str!("../../tests/fixtures/assessment-v4.json")).is_none());
        assert!(read("not json").is_none());
    }

    #[test]
    fn damaged_or_unknown_encrypted_files_say_what_is_wrong() {
        let good: serde_json::Value =
            serde_json::from_str(&write(600_000, &[1; 16], &[2; 12], &[3; 40])).unwrap();
        let cases: [(&str, serde_json::Value, &str); 5] = [
            ("/version", 2.into(), "encryption version 2"),
            ("/cipher/name", "AES-CBC".into(), "kind of encryption"),
            ("/kdf/iterations", 10.into(), "key derivation"),
            ("/cipher/iv", "AAAA".into(), "IV is damaged"),
            ("/data", "!!".into(), "contents are damaged"),
        ];
        for (pointer, value, words) in cases {
            let mut v = good.clone();
            *v.pointer_mut(pointer).unwrap() = value;
            let e = read(&v.to_string()).unwrap().unwrap_err();
            assert!(e.to_string().contains(words), "{pointer}: {e}");
        }
        let mut v = good.clone();
        v.as_object_mut().unwrap().remove("kdf");
        assert!(read(&v.to_string())
            .unwrap()
            .unwrap_err()
            .to_string()
            .contains("not complete"));
    }
}
