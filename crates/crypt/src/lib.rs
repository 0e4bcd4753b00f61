//! Files encrypted with a passphrase in the age format (age-encryption.org/v1, one scrypt
//! stanza), so an export can be sent by email or kept on a shared drive closed, and
//! opened with any age implementation (`age -d`, `rage`, the `age-encryption` npm
//! package) as well as with this product. And how strong a passphrase is, so a very
//! weak one is refused before anything is encrypted with it.
//!
//! No web dependency: the native scorer uses it, and it is meant to be loaded on demand
//! by the browser app too.
#![deny(missing_docs)]

use age::secrecy::SecretString;
use std::io::{Read, Write};
use std::iter;

/// The first bytes of a binary age file.
const MAGIC: &[u8] = b"age-encryption.org/v1\n";
/// The first line of an armored (ASCII) age file.
const ARMOR: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// Why a file could not be encrypted or decrypted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptError {
    /// The passphrase is too weak to protect anything.
    WeakPassphrase(Strength),
    /// Not an age file at all.
    NotAge,
    /// An age file encrypted to a key (a recipient), not with a passphrase.
    NotPassphrase,
    /// The passphrase does not open this file.
    WrongPassphrase,
    /// The file is damaged or cut short.
    Damaged,
    /// The file's passphrase protection asks for far more work than this machine does
    /// in a second (2^`required` against 2^`target`): refused rather than hanging.
    ExcessiveWork {
        /// The file's scrypt work factor.
        required: u8,
        /// About a second's work here.
        target: u8,
    },
    /// Anything else the age library reported (its words).
    Other(String),
}

impl std::fmt::Display for CryptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CryptError::WeakPassphrase(s) => write!(
                f,
                "the passphrase is {} (about {} bits): use at least {} characters and {} bits, for example four or five random words",
                s.label(),
                s.bits,
                Strength::ACCEPTED_LENGTH,
                Strength::ACCEPTED_BITS
            ),
            CryptError::NotAge => write!(f, "not an age-encrypted file"),
            CryptError::NotPassphrase => write!(
                f,
                "this age file was encrypted to a key, not with a passphrase"
            ),
            CryptError::WrongPassphrase => write!(f, "the passphrase does not open this file"),
            CryptError::Damaged => write!(f, "the encrypted file is damaged or cut short"),
            CryptError::ExcessiveWork { required, target } => write!(
                f,
                "opening this file would take about {} seconds on this machine (scrypt work factor {required}), more than is accepted",
                1u64 << required.saturating_sub(*target).min(40)
            ),
            CryptError::Other(words) => write!(f, "{words}"),
        }
    }
}

impl std::error::Error for CryptError {}

/// Whether `bytes` is an age file (binary or armored).
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC) || bytes.trim_ascii_start().starts_with(ARMOR)
}

/// `plaintext` encrypted with `passphrase` (refused when it is very weak), as a binary
/// age file. The scrypt work factor is age's own choice (about a second on this
/// machine), so a guess costs an attacker as much.
pub fn encrypt(plaintext: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptError> {
    let strength = Strength::of(passphrase);
    if !strength.accepted() {
        return Err(CryptError::WeakPassphrase(strength));
    }
    let recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    let encryptor = age::Encryptor::with_recipients(iter::once(&recipient as _))
        .map_err(|e| CryptError::Other(e.to_string()))?;
    let mut out = Vec::with_capacity(plaintext.len() + 256);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| CryptError::Other(e.to_string()))?;
    writer
        .write_all(plaintext)
        .and_then(|()| writer.finish().map(|_| ()))
        .map_err(|e| CryptError::Other(e.to_string()))?;
    Ok(out)
}

/// The plaintext of an age file (binary or armored) encrypted with `passphrase`.
pub fn decrypt(ciphertext: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptError> {
    if !is_encrypted(ciphertext) {
        return Err(CryptError::NotAge);
    }
    let reader = age::armor::ArmoredReader::new(ciphertext);
    let decryptor = age::Decryptor::new(reader).map_err(damaged)?;
    if !decryptor.is_scrypt() {
        return Err(CryptError::NotPassphrase);
    }
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    let mut reader = decryptor
        .decrypt(iter::once(&identity as _))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                CryptError::WrongPassphrase
            }
            other => damaged(other),
        })?;
    let mut out = Vec::with_capacity(ciphertext.len());
    reader
        .read_to_end(&mut out)
        .map_err(|_| CryptError::Damaged)?;
    Ok(out)
}

fn damaged(e: age::DecryptError) -> CryptError {
    match e {
        age::DecryptError::InvalidHeader
        | age::DecryptError::InvalidMac
        | age::DecryptError::Io(_) => CryptError::Damaged,
        age::DecryptError::ExcessiveWork { required, target } => {
            CryptError::ExcessiveWork { required, target }
        }
        other => CryptError::Other(other.to_string()),
    }
}

/// How strong a passphrase is: a rough estimate of its entropy in bits, from its length
/// and the kinds of characters in it, counting a character that repeats only twice.
/// Deliberately simple, and strict about length, because it cannot see patterns: a
/// season and a year, a keyboard row or a famous quotation look random to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strength {
    /// The estimate, in bits.
    pub bits: u32,
    /// The passphrase's length, in characters.
    pub length: u32,
}

impl Strength {
    /// Shorter than this, a passphrase is refused, whatever its characters.
    pub const ACCEPTED_LENGTH: u32 = 12;
    /// Below this, a passphrase is refused.
    pub const ACCEPTED_BITS: u32 = 60;
    /// From this on, a passphrase counts as strong.
    pub const STRONG_BITS: u32 = 90;

    /// The estimate for `passphrase`.
    pub fn of(passphrase: &str) -> Strength {
        let mut pool = 0u32;
        let chars: Vec<char> = passphrase.chars().collect();
        let has = |f: fn(&char) -> bool| chars.iter().any(f);
        for (present, size) in [
            (has(char::is_ascii_lowercase), 26),
            (has(char::is_ascii_uppercase), 26),
            (has(char::is_ascii_digit), 10),
            (has(|c| c.is_ascii() && !c.is_ascii_alphanumeric()), 33),
            (has(|c| !c.is_ascii()), 100),
        ] {
            if present {
                pool += size;
            }
        }
        let mut distinct = chars.clone();
        distinct.sort_unstable();
        distinct.dedup();
        // "aaaaaaaaaaaa" is not twelve characters' worth: each character counts at most
        // twice.
        let counted = chars.len().min(2 * distinct.len()) as f64;
        let bits = counted * f64::from(pool.max(1)).log2();
        Strength {
            bits: bits.floor() as u32,
            length: u32::try_from(chars.len()).unwrap_or(u32::MAX),
        }
    }

    /// Whether it is strong enough to encrypt with.
    pub fn accepted(self) -> bool {
        self.length >= Strength::ACCEPTED_LENGTH && self.bits >= Strength::ACCEPTED_BITS
    }

    /// A word for it: very weak (refused), weak, fair or strong.
    pub fn label(self) -> &'static str {
        match self.bits {
            _ if !self.accepted() => "very weak",
            b if b < 75 => "weak",
            b if b < Strength::STRONG_BITS => "fair",
            _ => "strong",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "correct-horse-battery-staple-42";

    #[test]
    fn a_round_trip_gives_the_same_bytes() {
        let plain = "{\"format\":\"aims-readiness/assessment\"}\n".as_bytes();
        let sealed = encrypt(plain, GOOD).unwrap();
        assert!(is_encrypted(&sealed));
        assert!(
            !sealed.windows(6).any(|w| w == b"format"),
            "nothing readable"
        );
        assert_eq!(decrypt(&sealed, GOOD).unwrap(), plain);
    }

    #[test]
    fn a_wrong_passphrase_a_cut_file_and_a_plain_file_are_told_apart() {
        let sealed = encrypt(b"secret", GOOD).unwrap();
        assert_eq!(
            decrypt(&sealed, "another-passphrase-entirely-9").unwrap_err(),
            CryptError::WrongPassphrase
        );
        assert_eq!(
            decrypt(&sealed[..sealed.len() - 10], GOOD).unwrap_err(),
            CryptError::Damaged
        );
        assert_eq!(
            decrypt(&sealed[..40], GOOD).unwrap_err(),
            CryptError::Damaged
        );
        assert_eq!(decrypt(b"{}", GOOD).unwrap_err(), CryptError::NotAge);
    }

    #[test]
    fn a_file_for_a_key_is_not_opened_with_a_passphrase() {
        let key = age::x25519::Identity::generate();
        let sealed = age::encrypt(&key.to_public(), b"secret").unwrap();
        assert_eq!(
            decrypt(&sealed, GOOD).unwrap_err(),
            CryptError::NotPassphrase
        );
    }

    #[test]
    fn very_weak_passphrases_are_refused_and_long_ones_are_strong() {
        for weak in [
            "",
            "password",
            "12345678",
            "aaaaaaaaaaaaaaaaaaaa",
            "Summer2024!",
            "k8#Lq2!xPz",
        ] {
            let s = Strength::of(weak);
            assert!(!s.accepted(), "{weak}: {s:?}");
            assert!(matches!(
                encrypt(b"x", weak),
                Err(CryptError::WeakPassphrase(_))
            ));
        }
        assert!(Strength::of("violet tractor puzzle ember").accepted());
        assert_eq!(Strength::of(GOOD).label(), "strong");
        let message = CryptError::WeakPassphrase(Strength::of("password")).to_string();
        assert!(
            message.starts_with("the passphrase is very weak"),
            "{message}"
        );
    }
}
