//! Filling local storage to its quota, for the tests of what happens when it is full.

/// Fills local storage with big chunks, then smaller ones, until not even 64 characters
/// fit; returns the keys written so the caller can remove them.
pub fn fill_storage() -> Vec<String> {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage");
    let mut keys = Vec::new();
    for size in [1 << 20, 1 << 16, 1 << 12, 1 << 6] {
        let chunk = "x".repeat(size);
        while keys.len() < 10_000
            && storage
                .set_item(&format!("aims-test-fill-{}", keys.len()), &chunk)
                .is_ok()
        {
            keys.push(format!("aims-test-fill-{}", keys.len()));
        }
    }
    keys
}

/// Removes what [`fill_storage`] wrote.
pub fn empty_storage(keys: &[String]) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        for key in keys {
            let _ = storage.remove_item(key);
        }
    }
}
