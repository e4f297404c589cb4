//! Keys and encryption.
//!
//! A store has one random 256-bit **data key**. The host never sees it in
//! the clear at rest: a [`KeyProvider`] wraps it (Android Keystore / iOS
//! Keychain hold the wrapping key and never export it), and only the wrapped
//! form is written to the file. From the data key we derive, with HKDF-SHA256:
//!
//! - the AES-256-GCM key that seals every payload (random 96-bit nonce per
//!   record, the record's table and key as associated data so records can't
//!   be swapped between rows);
//! - the HMAC-SHA256 key that names the user's own records (rules, payees),
//!   so the file can't be tested against a guessed number.

use super::error::{KeyProviderError, StoreError};
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use ring::{hkdf, hmac};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Length of the data key in bytes.
pub const DATA_KEY_LEN: usize = 32;
/// Bytes a sealed record adds to its plaintext (nonce + tag).
pub const SEAL_OVERHEAD: usize = NONCE_LEN + 16;
/// Length of the keyed hashes that name user records.
pub const MAC_LEN: usize = 16;

/// Wraps and unwraps the store's data key with a key the host holds.
///
/// Designed for platform keystores where the wrapping key is not
/// extractable: the provider receives the data key and returns an opaque
/// wrapped blob (e.g. an AES-GCM encryption by an Android Keystore key, or a
/// Keychain/Secure Enclave operation), and later turns that blob back into
/// the data key. The store keeps only the wrapped blob.
///
/// Implementations must be thread-safe, must not panic, and must return
/// [`KeyProviderError::WrongKey`] when the blob was not made by their key —
/// never a wrong key of the right length (the store double-checks with a
/// sealed marker and reports [`StoreError::WrongKey`] anyway).
pub trait KeyProvider: Send + Sync + fmt::Debug {
    /// Wraps a freshly generated data key (called once, when a store is
    /// created).
    fn wrap(&self, data_key: &[u8]) -> Result<Vec<u8>, KeyProviderError>;

    /// Recovers the data key from what [`KeyProvider::wrap`] returned
    /// (called at every open).
    fn unwrap(&self, wrapped: &[u8]) -> Result<Vec<u8>, KeyProviderError>;
}

const FILE_WRAP_MAGIC: &[u8; 4] = b"FZK1";
const FILE_WRAP_AAD: &[u8] = b"fanzha.file-key-provider.v1";

/// A key provider backed by a key file: 32 random bytes written as 64 hex
/// digits. For the CLI, tests and desktop tools — on phones use the
/// platform keystore.
///
/// The file key wraps the data key with AES-256-GCM; a different key file
/// gives [`KeyProviderError::WrongKey`].
pub struct FileKeyProvider {
    key: LessSafeKey,
    path: Option<PathBuf>,
}

impl fmt::Debug for FileKeyProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FileKeyProvider")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl FileKeyProvider {
    /// A provider from raw key bytes (tests, hosts with their own secret).
    pub fn from_bytes(key: &[u8; 32]) -> FileKeyProvider {
        FileKeyProvider {
            key: LessSafeKey::new(
                UnboundKey::new(&AES_256_GCM, key).expect("32 bytes is an AES-256 key"),
            ),
            path: None,
        }
    }

    /// Reads an existing key file.
    pub fn open(path: &Path) -> Result<FileKeyProvider, KeyProviderError> {
        let text = std::fs::read_to_string(path).map_err(|e| KeyProviderError::Unavailable {
            why: format!("cannot read key file: {}", e.kind()),
        })?;
        let key = parse_hex_key(text.trim()).ok_or_else(|| KeyProviderError::Unavailable {
            why: "key file must hold exactly 64 hex digits".to_string(),
        })?;
        let mut p = FileKeyProvider::from_bytes(&key);
        p.path = Some(path.to_path_buf());
        Ok(p)
    }

    /// Reads the key file, or creates it with a random key (mode 0600 on
    /// Unix) when it does not exist. Returns whether it was created.
    pub fn open_or_create(path: &Path) -> Result<(FileKeyProvider, bool), KeyProviderError> {
        if path.exists() {
            return FileKeyProvider::open(path).map(|p| (p, false));
        }
        let mut key = [0u8; 32];
        fill_random(&mut key).map_err(|_| KeyProviderError::Unavailable {
            why: "system random generator failed".to_string(),
        })?;
        let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let unavailable = |e: std::io::Error| KeyProviderError::Unavailable {
            why: format!("cannot create key file: {}", e.kind()),
        };
        let mut file = opts.open(path).map_err(unavailable)?;
        file.write_all(format!("{hex}\n").as_bytes())
            .map_err(unavailable)?;
        file.sync_all().map_err(unavailable)?;
        let mut p = FileKeyProvider::from_bytes(&key);
        wipe(&mut key);
        p.path = Some(path.to_path_buf());
        Ok((p, true))
    }
}

impl KeyProvider for FileKeyProvider {
    fn wrap(&self, data_key: &[u8]) -> Result<Vec<u8>, KeyProviderError> {
        let mut nonce = [0u8; NONCE_LEN];
        fill_random(&mut nonce).map_err(|_| KeyProviderError::Unavailable {
            why: "system random generator failed".to_string(),
        })?;
        let mut body = data_key.to_vec();
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(FILE_WRAP_AAD),
                &mut body,
            )
            .map_err(|_| KeyProviderError::Unavailable {
                why: "key wrapping failed".to_string(),
            })?;
        let mut out = Vec::with_capacity(4 + NONCE_LEN + body.len());
        out.extend_from_slice(FILE_WRAP_MAGIC);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&body);
        Ok(out)
    }

    fn unwrap(&self, wrapped: &[u8]) -> Result<Vec<u8>, KeyProviderError> {
        if wrapped.len() < 4 + NONCE_LEN + 16 || &wrapped[..4] != FILE_WRAP_MAGIC {
            return Err(KeyProviderError::WrongKey);
        }
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&wrapped[4..4 + NONCE_LEN]);
        let mut body = wrapped[4 + NONCE_LEN..].to_vec();
        let plain = self
            .key
            .open_in_place(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(FILE_WRAP_AAD),
                &mut body,
            )
            .map_err(|_| KeyProviderError::WrongKey)?;
        let out = plain.to_vec();
        wipe(&mut body);
        Ok(out)
    }
}

fn parse_hex_key(s: &str) -> Option<[u8; 32]> {
    let bytes = s.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in bytes.chunks_exact(2).enumerate() {
        let hi = (pair[0] as char).to_digit(16)?;
        let lo = (pair[1] as char).to_digit(16)?;
        out[i] = (hi * 16 + lo) as u8;
    }
    Some(out)
}

/// Overwrites secret bytes before they are freed.
pub(crate) fn wipe(buf: &mut [u8]) {
    for b in buf.iter_mut() {
        // SAFETY: `b` is a valid, aligned, exclusive reference.
        unsafe { std::ptr::write_volatile(b, 0) };
    }
    std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
}

pub(crate) fn fill_random(buf: &mut [u8]) -> Result<(), StoreError> {
    SystemRandom::new()
        .fill(buf)
        .map_err(|_| StoreError::Io(std::io::Error::other("system random generator failed")))
}

/// A new random data key.
pub(crate) fn new_data_key() -> Result<[u8; DATA_KEY_LEN], StoreError> {
    let mut k = [0u8; DATA_KEY_LEN];
    fill_random(&mut k)?;
    Ok(k)
}

/// The keys derived from an unwrapped data key.
pub(crate) struct Keys {
    aead: LessSafeKey,
    mac: hmac::Key,
    rng: SystemRandom,
}

impl fmt::Debug for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Keys(..)")
    }
}

impl Keys {
    /// Derives the working keys; a data key of the wrong length is a wrong key.
    pub(crate) fn derive(data_key: &[u8]) -> Result<Keys, StoreError> {
        if data_key.len() != DATA_KEY_LEN {
            return Err(StoreError::WrongKey);
        }
        let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"fanzha.store.v1").extract(data_key);
        let expand = |info: &[u8]| -> [u8; 32] {
            let mut out = [0u8; 32];
            prk.expand(&[info], hkdf::HKDF_SHA256)
                .and_then(|okm| okm.fill(&mut out))
                .expect("HKDF-SHA256 can produce 32 bytes");
            out
        };
        let mut enc = expand(b"aead");
        let mut mac = expand(b"mac");
        let keys = Keys {
            aead: LessSafeKey::new(
                UnboundKey::new(&AES_256_GCM, &enc).expect("32 bytes is an AES-256 key"),
            ),
            mac: hmac::Key::new(hmac::HMAC_SHA256, &mac),
            rng: SystemRandom::new(),
        };
        wipe(&mut enc);
        wipe(&mut mac);
        Ok(keys)
    }

    /// Seals `plain` as `nonce ‖ ciphertext ‖ tag`, bound to `aad`.
    pub(crate) fn seal(&self, aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, StoreError> {
        let mut nonce = [0u8; NONCE_LEN];
        self.rng
            .fill(&mut nonce)
            .map_err(|_| StoreError::Io(std::io::Error::other("system random generator failed")))?;
        let mut out = Vec::with_capacity(plain.len() + SEAL_OVERHEAD);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(plain);
        let mut body = out.split_off(NONCE_LEN);
        self.aead
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad),
                &mut body,
            )
            .map_err(|_| StoreError::Io(std::io::Error::other("encryption failed")))?;
        out.extend_from_slice(&body);
        Ok(out)
    }

    /// Opens what [`Keys::seal`] produced with the same `aad`. Any change to
    /// the bytes, the associated data or the key fails as a whole: no
    /// partial plaintext is ever returned.
    pub(crate) fn open(
        &self,
        aad: &[u8],
        sealed: &[u8],
        what: &'static str,
    ) -> Result<Vec<u8>, StoreError> {
        if sealed.len() < SEAL_OVERHEAD {
            return Err(StoreError::corrupt(what));
        }
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&sealed[..NONCE_LEN]);
        let mut body = sealed[NONCE_LEN..].to_vec();
        let len = self
            .aead
            .open_in_place(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad),
                &mut body,
            )
            .map_err(|_| StoreError::corrupt(what))?
            .len();
        body.truncate(len);
        Ok(body)
    }

    /// Opens a sealed record in place: `buf` holds `nonce ‖ ciphertext ‖
    /// tag` and ends up with the plaintext at its start; returns its length.
    /// Saves the copies of [`Keys::open`] for large records.
    pub(crate) fn open_in_place(
        &self,
        aad: &[u8],
        buf: &mut [u8],
        what: &'static str,
    ) -> Result<usize, StoreError> {
        if buf.len() < SEAL_OVERHEAD {
            return Err(StoreError::corrupt(what));
        }
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&buf[..NONCE_LEN]);
        let plain = self
            .aead
            .open_within(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad),
                buf,
                NONCE_LEN..,
            )
            .map_err(|_| StoreError::corrupt(what))?;
        Ok(plain.len())
    }

    /// A keyed hash naming a user record: HMAC-SHA256(domain ‖ 0 ‖ value),
    /// truncated to 16 bytes.
    pub(crate) fn mac(&self, domain: &str, value: &str) -> [u8; MAC_LEN] {
        let mut ctx = hmac::Context::with_key(&self.mac);
        ctx.update(domain.as_bytes());
        ctx.update(&[0]);
        ctx.update(value.as_bytes());
        let tag = ctx.sign();
        let mut out = [0u8; MAC_LEN];
        out.copy_from_slice(&tag.as_ref()[..MAC_LEN]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_roundtrip_and_tamper() {
        let keys = Keys::derive(&[7u8; 32]).unwrap();
        let sealed = keys.seal(b"t:1", b"hello").unwrap();
        assert_eq!(keys.open(b"t:1", &sealed, "x").unwrap(), b"hello");
        assert!(
            keys.open(b"t:2", &sealed, "x").is_err(),
            "aad binds the record"
        );
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 1;
            assert!(
                keys.open(b"t:1", &bad, "x").is_err(),
                "flip at {i} detected"
            );
        }
        let other = Keys::derive(&[8u8; 32]).unwrap();
        assert!(other.open(b"t:1", &sealed, "x").is_err());
        assert!(Keys::derive(&[0u8; 31]).is_err());
    }

    #[test]
    fn mac_is_keyed_and_domain_separated() {
        let a = Keys::derive(&[1u8; 32]).unwrap();
        let b = Keys::derive(&[2u8; 32]).unwrap();
        assert_ne!(
            a.mac("rule", "+8613800000000"),
            b.mac("rule", "+8613800000000")
        );
        assert_ne!(a.mac("rule", "x"), a.mac("payee", "x"));
        assert_eq!(a.mac("rule", "x"), a.mac("rule", "x"));
    }

    #[test]
    fn file_provider_wraps_and_refuses_other_keys() {
        let p = FileKeyProvider::from_bytes(&[3u8; 32]);
        let w = p.wrap(&[9u8; 32]).unwrap();
        assert_eq!(p.unwrap(&w).unwrap(), vec![9u8; 32]);
        let q = FileKeyProvider::from_bytes(&[4u8; 32]);
        assert_eq!(q.unwrap(&w), Err(KeyProviderError::WrongKey));
        assert_eq!(q.unwrap(b"short"), Err(KeyProviderError::WrongKey));
    }

    #[test]
    fn key_file_created_and_reread() {
        let dir = std::env::temp_dir().join(format!("fanzha-keyfile-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("k");
        let _ = std::fs::remove_file(&path);
        let (p, created) = FileKeyProvider::open_or_create(&path).unwrap();
        assert!(created);
        let w = p.wrap(&[5u8; 32]).unwrap();
        let (p2, created2) = FileKeyProvider::open_or_create(&path).unwrap();
        assert!(!created2);
        assert_eq!(p2.unwrap(&w).unwrap(), vec![5u8; 32]);
        std::fs::write(&path, "not hex").unwrap();
        assert!(matches!(
            FileKeyProvider::open(&path),
            Err(KeyProviderError::Unavailable { .. })
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
