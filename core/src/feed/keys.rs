//! Publisher keys (Ed25519, ring), key ids, the pinned trust set and
//! key-rotation statements.
//!
//! Key files are one line of text so they survive copy and paste:
//! `fanzha-feed-secret-key-v1 <hex PKCS#8>` and
//! `fanzha-feed-public-key-v1 <hex 32-byte key>`.
//!
//! A rotation statement is the old key's signature over the new public key.
//! A feed signed by the new key carries the statements that lead to it from
//! a pinned key, so apps that still pin only the old key accept it; once all
//! apps pin the new key, publishers may drop the statement.

use super::FeedError;
use ring::rand::SystemRandom;
use ring::signature::{self, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use std::fmt;

const SECRET_PREFIX: &str = "fanzha-feed-secret-key-v1";
const PUBLIC_PREFIX: &str = "fanzha-feed-public-key-v1";
const ROTATION_MAGIC: [u8; 8] = *b"FZKEYROT";
const ROTATION_PREFIX: &str = "fanzha-key-rotation-v1";
const ROTATION_CONTEXT: &[u8] = b"fanzha-key-rotation-v1\0";
const KEY_ID_CONTEXT: &[u8] = b"fanzha-key-id-v1\0";

pub use crate::error::KeyId;

/// An Ed25519 public key.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublicKey(pub [u8; 32]);

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.id())
    }
}

impl PublicKey {
    /// The key's id.
    pub fn id(&self) -> KeyId {
        let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
        ctx.update(KEY_ID_CONTEXT);
        ctx.update(&self.0);
        let d = ctx.finish();
        let mut id = [0u8; 8];
        id.copy_from_slice(&d.as_ref()[..8]);
        KeyId(id)
    }

    /// Verifies `signature` over `message`.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        UnparsedPublicKey::new(&signature::ED25519, &self.0)
            .verify(message, signature)
            .is_ok()
    }

    /// The key file line, newline-terminated.
    pub fn to_text(&self) -> String {
        format!("{PUBLIC_PREFIX} {}\n", hex(&self.0))
    }

    /// Reads a public key file: the line [`PublicKey::to_text`] writes, or
    /// the bare 64 hex digits.
    pub fn from_text(text: &str) -> Result<PublicKey, FeedError> {
        let t = text.trim();
        let h = t.strip_prefix(PUBLIC_PREFIX).map(str::trim).unwrap_or(t);
        let bytes = unhex(h).ok_or(FeedError::Key("public key is not hex"))?;
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| FeedError::Key("public key is not 32 bytes"))?;
        Ok(PublicKey(key))
    }
}

/// A publisher's signing key.
pub struct PublisherKey {
    pair: Ed25519KeyPair,
    pkcs8: Vec<u8>,
}

impl fmt::Debug for PublisherKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublisherKey({})", self.public_key().id())
    }
}

impl PublisherKey {
    /// A fresh random key.
    pub fn generate() -> Result<PublisherKey, FeedError> {
        let rng = SystemRandom::new();
        let doc = Ed25519KeyPair::generate_pkcs8(&rng)
            .map_err(|_| FeedError::Key("key generation failed"))?;
        PublisherKey::from_pkcs8(doc.as_ref())
    }

    /// A key from its PKCS#8 (v1 or v2) encoding.
    pub fn from_pkcs8(pkcs8: &[u8]) -> Result<PublisherKey, FeedError> {
        let pair = Ed25519KeyPair::from_pkcs8_maybe_unchecked(pkcs8)
            .map_err(|_| FeedError::Key("not an Ed25519 PKCS#8 key"))?;
        Ok(PublisherKey {
            pair,
            pkcs8: pkcs8.to_vec(),
        })
    }

    /// The secret key file line, newline-terminated. Keep it secret.
    pub fn to_text(&self) -> String {
        format!("{SECRET_PREFIX} {}\n", hex(&self.pkcs8))
    }

    /// Reads a secret key file written by [`PublisherKey::to_text`].
    pub fn from_text(text: &str) -> Result<PublisherKey, FeedError> {
        let h = text
            .trim()
            .strip_prefix(SECRET_PREFIX)
            .ok_or(FeedError::Key("not a fanzha secret key file"))?
            .trim();
        let bytes = unhex(h).ok_or(FeedError::Key("secret key is not hex"))?;
        PublisherKey::from_pkcs8(&bytes)
    }

    /// The public half.
    pub fn public_key(&self) -> PublicKey {
        let mut k = [0u8; 32];
        k.copy_from_slice(self.pair.public_key().as_ref());
        PublicKey(k)
    }

    /// The key's id (its public key's).
    pub fn id(&self) -> KeyId {
        self.public_key().id()
    }

    pub(crate) fn sign(&self, message: &[u8]) -> [u8; 64] {
        let mut s = [0u8; 64];
        s.copy_from_slice(self.pair.sign(message).as_ref());
        s
    }
}

/// A statement by the holder of key `old` that `new` speaks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rotation {
    /// The key that vouches.
    pub old: KeyId,
    /// The key vouched for.
    pub new: PublicKey,
    /// When the statement was made (ms since the Unix epoch).
    pub issued_ms: i64,
    /// Ed25519 signature by `old` over the statement.
    pub signature: [u8; 64],
}

impl Rotation {
    /// Encoded length.
    pub const LEN: usize = 8 + 8 + 32 + 8 + 64;

    /// Signs a rotation from `old` to `new`.
    pub fn sign(old: &PublisherKey, new: PublicKey, issued_ms: i64) -> Rotation {
        let mut r = Rotation {
            old: old.id(),
            new,
            issued_ms,
            signature: [0; 64],
        };
        r.signature = old.sign(&r.signed_message());
        r
    }

    fn signed_part(&self) -> [u8; 56] {
        let mut b = [0u8; 56];
        b[0..8].copy_from_slice(&ROTATION_MAGIC);
        b[8..16].copy_from_slice(&self.old.0);
        b[16..48].copy_from_slice(&self.new.0);
        b[48..56].copy_from_slice(&self.issued_ms.to_le_bytes());
        b
    }

    fn signed_message(&self) -> Vec<u8> {
        let mut m = ROTATION_CONTEXT.to_vec();
        m.extend_from_slice(&self.signed_part());
        m
    }

    /// The statement's bytes as a feed carries them.
    pub fn encode(&self) -> [u8; Rotation::LEN] {
        let mut b = [0u8; Rotation::LEN];
        b[..56].copy_from_slice(&self.signed_part());
        b[56..].copy_from_slice(&self.signature);
        b
    }

    /// Decodes a statement (structure only; see [`Rotation::verify`]).
    pub fn decode(b: &[u8]) -> Result<Rotation, FeedError> {
        if b.len() != Rotation::LEN {
            return Err(FeedError::BadRotation("wrong length"));
        }
        if b[0..8] != ROTATION_MAGIC {
            return Err(FeedError::BadRotation("bad magic"));
        }
        let mut old = [0u8; 8];
        old.copy_from_slice(&b[8..16]);
        let mut new = [0u8; 32];
        new.copy_from_slice(&b[16..48]);
        let mut signature = [0u8; 64];
        signature.copy_from_slice(&b[56..]);
        let r = Rotation {
            old: KeyId(old),
            new: PublicKey(new),
            issued_ms: super::format::i64_at(b, 48),
            signature,
        };
        if r.new.id() == r.old {
            return Err(FeedError::BadRotation("rotates a key to itself"));
        }
        Ok(r)
    }

    /// The statement file line, newline-terminated.
    pub fn to_text(&self) -> String {
        format!("{ROTATION_PREFIX} {}\n", hex(&self.encode()))
    }

    /// Reads a statement file written by [`Rotation::to_text`].
    pub fn from_text(text: &str) -> Result<Rotation, FeedError> {
        let h = text
            .trim()
            .strip_prefix(ROTATION_PREFIX)
            .ok_or(FeedError::BadRotation("not a fanzha rotation statement"))?
            .trim();
        Rotation::decode(&unhex(h).ok_or(FeedError::BadRotation("not hex"))?)
    }

    /// True when `old` (whose id the statement names) signed it.
    pub fn verify(&self, old: &PublicKey) -> bool {
        old.id() == self.old && old.verify(&self.signed_message(), &self.signature)
    }
}

/// The publisher keys an app pins. A feed is accepted only when signed by one
/// of them, or by a key a chain of rotation statements leads to from one.
#[derive(Debug, Clone, Default)]
pub struct TrustedKeys {
    keys: Vec<PublicKey>,
}

impl TrustedKeys {
    /// Trusts exactly `keys`.
    pub fn new(keys: impl IntoIterator<Item = PublicKey>) -> TrustedKeys {
        let mut t = TrustedKeys::default();
        for k in keys {
            t.add(k);
        }
        t
    }

    /// Trusts one more key.
    pub fn add(&mut self, key: PublicKey) {
        if !self.keys.contains(&key) {
            self.keys.push(key);
        }
    }

    /// The trusted key with id `id`.
    pub fn get(&self, id: KeyId) -> Option<&PublicKey> {
        self.keys.iter().find(|k| k.id() == id)
    }

    /// True when no key is trusted.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The trusted keys.
    pub fn keys(&self) -> &[PublicKey] {
        &self.keys
    }

    /// The key that signed a feed, following rotation statements from the
    /// pinned keys. A statement signed by a trusted key that does not verify
    /// is an error (it was tampered with); statements from keys outside the
    /// chain are ignored.
    pub fn resolve(&self, signer: KeyId, rotations: &[Rotation]) -> Result<PublicKey, FeedError> {
        self.resolve_chain(signer, rotations).map(|(k, _)| k)
    }

    /// [`TrustedKeys::resolve`], also returning the statements that lead
    /// from a trusted key to the signer, oldest first (empty when the signer
    /// is trusted directly).
    pub fn resolve_chain(
        &self,
        signer: KeyId,
        rotations: &[Rotation],
    ) -> Result<(PublicKey, Vec<Rotation>), FeedError> {
        if let Some(k) = self.get(signer) {
            return Ok((*k, Vec::new()));
        }
        // Breadth-first from the trusted keys; `via[i]` is the statement
        // that made `reached[i]` trusted (None for the pinned keys).
        let mut reached: Vec<PublicKey> = self.keys.clone();
        let mut via: Vec<Option<usize>> = vec![None; reached.len()];
        loop {
            let mut grew = false;
            for (i, r) in rotations.iter().enumerate() {
                if reached.iter().any(|k| k.id() == r.new.id()) {
                    continue;
                }
                if let Some(old) = reached.iter().find(|k| k.id() == r.old).copied() {
                    if !r.verify(&old) {
                        return Err(FeedError::BadRotation("signature does not verify"));
                    }
                    reached.push(r.new);
                    via.push(Some(i));
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
        let mut at = reached
            .iter()
            .position(|k| k.id() == signer)
            .ok_or(FeedError::UntrustedKey(signer))?;
        let key = reached[at];
        let mut chain = Vec::new();
        // Each step goes to a key reached earlier, so this ends.
        while let Some(i) = via[at] {
            let r = rotations[i];
            chain.push(r);
            at = reached
                .iter()
                .position(|k| k.id() == r.old)
                .ok_or(FeedError::BadRotation("broken chain"))?;
        }
        chain.reverse();
        Ok((key, chain))
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

pub(crate) fn unhex(s: &str) -> Option<Vec<u8>> {
    let s = s.as_bytes();
    if s.len() % 2 != 0 {
        return None;
    }
    let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    s.chunks(2)
        .map(|p| Some(nibble(p[0])? << 4 | nibble(p[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_files_round_trip() {
        let k = PublisherKey::generate().unwrap();
        let k2 = PublisherKey::from_text(&k.to_text()).unwrap();
        assert_eq!(k.public_key(), k2.public_key());
        let p = PublicKey::from_text(&k.public_key().to_text()).unwrap();
        assert_eq!(p, k.public_key());
        assert!(PublicKey::from_text("zz").is_err());
        assert!(PublisherKey::from_text(&k.public_key().to_text()).is_err());
        assert!(PublisherKey::from_text("fanzha-feed-secret-key-v1 00ff").is_err());
    }

    #[test]
    fn rotation_chain_resolves_from_a_pinned_key() {
        let a = PublisherKey::generate().unwrap();
        let b = PublisherKey::generate().unwrap();
        let c = PublisherKey::generate().unwrap();
        let ab = Rotation::sign(&a, b.public_key(), 1);
        let bc = Rotation::sign(&b, c.public_key(), 2);
        let trust = TrustedKeys::new([a.public_key()]);
        assert_eq!(trust.resolve(a.id(), &[]).unwrap(), a.public_key());
        assert!(matches!(
            trust.resolve(c.id(), &[]),
            Err(FeedError::UntrustedKey(_))
        ));
        // Order of statements doesn't matter.
        assert_eq!(trust.resolve(c.id(), &[bc, ab]).unwrap(), c.public_key());
        let (_, chain) = trust.resolve_chain(c.id(), &[bc, ab]).unwrap();
        assert_eq!(chain, vec![ab, bc]);
        assert!(trust.resolve_chain(a.id(), &[ab]).unwrap().1.is_empty());
        assert_eq!(Rotation::decode(&ab.encode()).unwrap(), ab);
        assert_eq!(Rotation::from_text(&ab.to_text()).unwrap(), ab);

        // A statement by an untrusted key leads nowhere.
        let rogue = PublisherKey::generate().unwrap();
        let rc = Rotation::sign(&rogue, c.public_key(), 3);
        assert!(matches!(
            trust.resolve(c.id(), &[rc]),
            Err(FeedError::UntrustedKey(_))
        ));

        // A tampered statement from a trusted key is refused.
        let mut bad = ab;
        bad.issued_ms += 1;
        assert!(matches!(
            trust.resolve(b.id(), &[bad]),
            Err(FeedError::BadRotation(_))
        ));
    }
}
