//! A stable hash (64-bit FNV-1a) for keys that must not change between versions or runs: the
//! baseline's version, an article's key in the ledger, a paragraph's key when cleaning.

/// FNV-1a over bytes.
///
/// ```
/// assert_eq!(diplograph_model::fnv1a(b"".iter().copied()), 0xcbf2_9ce4_8422_2325);
/// assert_ne!(diplograph_model::fnv1a(b"a".iter().copied()), diplograph_model::fnv1a(b"b".iter().copied()));
/// ```
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
